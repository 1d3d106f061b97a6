//! Handing an address to the browser: `$BROWSER` when set (a list of
//! commands separated by `:`, each given the address, or `%s` replaced by
//! it, as the convention has it), else the system's opener (`xdg-open`, or
//! `open` on macOS).
//!
//! A `$BROWSER` command may be a terminal browser (lynx, w3m), and so may
//! be what `xdg-open` picks when there is no graphical display: those run
//! in the foreground with the terminal handed over, and byline waits. With
//! a display, the system's opener starts the browser and returns at once:
//! it runs detached, its output discarded, so nothing lands on the screen.

use std::process::{Command, Stdio};

/// How to open an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Commands to try in order, each with its arguments.
    pub commands: Vec<Vec<String>>,
    /// Whether the command may need the terminal (run in the foreground,
    /// waited for).
    pub needs_terminal: bool,
}

/// The plan for `address`, from the environment.
///
/// # Errors
///
/// When no opener can be named.
pub fn plan(address: &str) -> Result<Plan, String> {
    let browser = std::env::var("BROWSER").ok().filter(|b| !b.trim().is_empty());
    let display =
        ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|v| std::env::var_os(v).is_some_and(|v| !v.is_empty()));
    plan_for(address, browser.as_deref(), cfg!(target_os = "macos"), display)
}

fn plan_for(address: &str, browser: Option<&str>, macos: bool, display: bool) -> Result<Plan, String> {
    if let Some(browser) = browser {
        let commands: Vec<Vec<String>> = browser
            .split(':')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|command| {
                let mut words: Vec<String> = command.split_whitespace().map(str::to_owned).collect();
                if words.iter().any(|w| w.contains("%s")) {
                    for word in &mut words {
                        *word = word.replace("%s", address);
                    }
                } else {
                    words.push(address.to_owned());
                }
                words
            })
            .collect();
        if commands.is_empty() {
            return Err("$BROWSER names no command".to_owned());
        }
        return Ok(Plan { commands, needs_terminal: true });
    }
    let opener = if macos { "open" } else { "xdg-open" };
    Ok(Plan {
        commands: vec![vec![opener.to_owned(), address.to_owned()]],
        needs_terminal: !macos && !display,
    })
}

/// Runs the plan; says which command opened the address.
///
/// # Errors
///
/// When no command could be started (or each one that ran failed).
pub fn run(plan: &Plan) -> Result<String, String> {
    let mut failures = Vec::new();
    for words in &plan.commands {
        let Some((program, args)) = words.split_first() else { continue };
        let mut command = Command::new(program);
        command.args(args);
        if plan.needs_terminal {
            match command.status() {
                Ok(status) if status.success() => return Ok(format!("opened with {program}")),
                Ok(status) => failures.push(format!("{program} exited with {status}")),
                Err(error) => failures.push(format!("{program}: {error}")),
            }
        } else {
            command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
            match command.spawn() {
                Ok(mut child) => {
                    // Reaped on a thread of its own: no zombie, no wait here.
                    let _ = std::thread::Builder::new()
                        .name("byline-opener".to_owned())
                        .spawn(move || child.wait());
                    return Ok(format!("handed to {program}"));
                }
                Err(error) => failures.push(format!("{program}: {error}")),
            }
        }
    }
    Err(format!("could not open the link ({}); set $BROWSER", failures.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_commands_get_the_address() {
        let plan = plan_for("https://x.example/", Some("w3m:firefox --new-tab %s"), false, true).unwrap();
        assert_eq!(
            plan.commands,
            vec![
                vec!["w3m".to_owned(), "https://x.example/".to_owned()],
                vec!["firefox".to_owned(), "--new-tab".to_owned(), "https://x.example/".to_owned()],
            ]
        );
        assert!(plan.needs_terminal);
    }

    #[test]
    fn the_system_opener_is_detached_only_with_a_display() {
        let with = plan_for("https://x.example/", None, false, true).unwrap();
        assert_eq!(with.commands[0][0], "xdg-open");
        assert!(!with.needs_terminal);
        assert!(plan_for("https://x.example/", None, false, false).unwrap().needs_terminal);
        let mac = plan_for("https://x.example/", None, true, false).unwrap();
        assert_eq!(mac.commands[0][0], "open");
        assert!(!mac.needs_terminal);
    }

    #[test]
    fn a_missing_command_is_a_message() {
        let plan = Plan {
            commands: vec![vec!["/nonexistent/browser".to_owned(), "x".to_owned()]],
            needs_terminal: true,
        };
        let message = run(&plan).unwrap_err();
        assert!(message.contains("/nonexistent/browser"), "{message}");
    }
}
