//! A small HTTP/1.1 server on 127.0.0.1 (a random port) for tests: each
//! path answers with a scripted reply — status, headers, body, and how it is
//! sent (at once, slowly, or held open). One thread per connection; the
//! server stops when dropped.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// How a reply's body goes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// All at once.
    Now,
    /// In pieces of this many bytes with this pause between them.
    Trickle(usize, Duration),
    /// The head and this many bytes, then nothing until the server stops.
    Hold(usize),
}

/// One scripted reply.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub pace: Pace,
}

impl Reply {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        let body = body.into();
        Self { status, headers: vec![("Content-Type".into(), content_type.into())], body, pace: Pace::Now }
    }

    pub fn html(body: &str) -> Self {
        Self::new(200, "text/html; charset=utf-8", body)
    }

    pub fn redirect(status: u16, to: &str) -> Self {
        let mut reply = Self::new(status, "text/plain", "moved");
        reply.headers.push(("Location".into(), to.into()));
        reply
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn pace(mut self, pace: Pace) -> Self {
        self.pace = pace;
        self
    }
}

pub struct Server {
    pub port: u16,
    stop: Arc<AtomicBool>,
    hits: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Serves `routes` (path → reply); an unknown path is a 404.
    pub fn start(routes: Vec<(&str, Reply)>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let routes: Arc<HashMap<String, Reply>> =
            Arc::new(routes.into_iter().map(|(path, reply)| (path.to_owned(), reply)).collect());
        let stop = Arc::new(AtomicBool::new(false));
        let hits = Arc::new(Mutex::new(Vec::new()));
        let (stop_flag, hit_log) = (Arc::clone(&stop), Arc::clone(&hits));
        listener.set_nonblocking(true).unwrap();
        thread::spawn(move || {
            while !stop_flag.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let (routes, stop, hits) =
                            (Arc::clone(&routes), Arc::clone(&stop_flag), Arc::clone(&hit_log));
                        thread::spawn(move || serve(stream, &routes, &stop, &hits));
                    }
                    Err(_) => thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Self { port, stop, hits }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// The paths asked for, in order.
    pub fn hits(&self) -> Vec<String> {
        self.hits.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn serve(stream: TcpStream, routes: &HashMap<String, Reply>, stop: &AtomicBool, hits: &Mutex<Vec<String>>) {
    stream.set_nonblocking(false).unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    hits.lock().unwrap().push(path.clone());
    let reply =
        routes.get(&path).cloned().unwrap_or_else(|| Reply::new(404, "text/html", "<h1>Not here</h1>"));
    let mut out = stream;
    let reason = match reply.status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Whatever",
    };
    let mut head = format!("HTTP/1.1 {} {reason}\r\nConnection: close\r\n", reply.status);
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !matches!(reply.pace, Pace::Hold(_)) {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    head.push_str("\r\n");
    if out.write_all(head.as_bytes()).is_err() {
        return;
    }
    match reply.pace {
        Pace::Now => {
            let _ = out.write_all(&reply.body);
        }
        Pace::Trickle(size, pause) => {
            for piece in reply.body.chunks(size.max(1)) {
                if stop.load(Ordering::Relaxed) || out.write_all(piece).and_then(|()| out.flush()).is_err() {
                    return;
                }
                thread::sleep(pause);
            }
        }
        Pace::Hold(first) => {
            let _ = out.write_all(&reply.body[..first.min(reply.body.len())]);
            let _ = out.flush();
            while !stop.load(Ordering::Relaxed) {
                thread::sleep(Duration::from_millis(20));
            }
        }
    }
}
