//! The English words the attribution rules consult: speech verbs, titles,
//! name particles, pronouns and the nouns that name organisations.
//!
//! Quote *spans* never look at these lists (they work the same in any
//! language); only finding who spoke does, and that is English prose by nature.
//! Every lookup takes the word as written and folds case itself, so callers
//! never allocate.

/// Grammatical gender carried by a pronoun, title or kinship noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    /// he, him, his, Mr., brother …
    Male,
    /// she, her, Ms., sister …
    Female,
}

/// A third-person pronoun that can stand for a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pronoun {
    /// "he"
    He,
    /// "she"
    She,
    /// "they": a group, an organisation or joint authors
    They,
    /// "it": an organisation or a document
    It,
    /// "I", "we", "you": the writer or the reader, never a speaker we can name
    Other,
}

fn lower_eq(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Verbs (any tense) that report speech or writing. Nouns such as "report",
/// "post" or "tweet" appear only in inflected forms, since their bare forms
/// are far more often nouns than verbs.
const SPEECH_VERBS: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "adding", "write", "writes", "wrote", "writing", "ask", "asks", "asked", "asking", "noted",
    "noting", "argue", "argues", "argued", "arguing", "warn", "warns", "warned", "warning",
    "explain", "explains", "explained", "explaining", "tweeted", "tweeting", "stated", "reported",
    "replied", "replies", "reply", "responded", "responds", "respond", "insist", "insists", "insisted",
    "insisting", "recall", "recalls", "recalled", "recalling", "acknowledged", "acknowledges",
    "declared", "declares", "concluded", "concludes", "continued", "continues", "posted",
    "claimed", "claims", "claiming", "denied", "denies", "admitted", "admits", "suggested",
    "suggests", "observed", "observes", "remarked", "remarks", "commented", "announced",
    "announces", "emphasized", "emphasised", "emphasizes", "emphasises", "stressed", "stresses",
    "cautioned", "cautions", "contended", "contends", "predicted", "predicts", "recounted",
    "recounts", "quipped", "quips", "joked", "jokes", "laughed", "shouted", "shouts", "yelled",
    "screamed", "whispered", "chanted", "chant", "sang", "sings", "cried", "exclaimed",
    "muttered", "murmured", "sighed", "boasted", "boasts", "boasting", "complained",
    "complains", "conceded", "concedes", "confirmed", "confirms", "asserted", "asserts",
    "alleged", "alleges", "testified", "testifies", "wondered", "wonders", "mused", "muses",
    "promised", "promises", "vowed", "vows", "pledged", "pledges", "urged", "urges", "pleaded",
    "pleads", "begged", "begs", "demanded", "demands", "reiterated", "reiterates", "assured",
    "assures", "described", "describes", "bemoaned", "bemoans", "lamented", "laments",
    "emailed", "texted", "messaged", "wrote", "countered", "counters", "retorted", "pointed",
    "speculated", "speculates", "estimated", "estimates", "summed", "agreed", "agrees",
    "disagreed", "objected", "protested", "thundered", "snapped", "conceded", "maintained",
    "maintains", "reckoned", "reckons", "advised", "advises", "hinted", "hints", "conveyed",
    "read", "reads", "proclaimed", "proclaims", "opined", "quoted", "relayed", "recalled",
    "elaborated", "elaborates", "called", "clarified", "clarifies", "interjected", "implored",
];

/// Whether `word` is a speech verb; capitalised words never are (they start
/// sentences or names: "Says" heading a caption, "States").
#[must_use]
pub(super) fn is_speech_verb(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase) && SPEECH_VERBS.contains(&word)
}

/// Speech verbs whose object, not their subject, follows them ("told
/// reporters"), so "VERB NAME" is never an inverted attribution.
#[must_use]
pub(super) fn takes_addressee(word: &str) -> bool {
    matches!(word, "tell" | "tells" | "told" | "telling" | "asked" | "asks" | "urged" | "begged")
}

/// Words that may sit between a subject and its speech verb ("Rubio *has
/// also* said", "Soros *had* said"); any "-ly" adverb is skipped as well.
#[must_use]
pub(super) fn is_verb_filler(word: &str) -> bool {
    lower_eq(
        word,
        &[
            "has", "had", "have", "was", "were", "is", "are", "be", "been", "did", "does", "do",
            "would", "will", "could", "can", "may", "might", "should", "must", "later", "also",
            "then", "once", "still", "further", "earlier", "again", "even", "only", "just",
            "not", "never", "first", "often", "once", "recently", "previously", "reportedly",
            "subsequently", "always", "quoted", "as", "simply", "famously", "already", "too",
        ],
    ) || word.len() > 4 && word.ends_with("ly") && word.chars().all(char::is_lowercase)
}

/// Determiners and possessives: a verb form right after one is a noun ("a
/// report", "his notes", "the claims").
#[must_use]
pub(super) fn is_determiner(word: &str) -> bool {
    lower_eq(
        word,
        &[
            "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their",
            "our", "my", "your", "one", "another", "every", "each", "any", "some", "no", "in",
            "of", "on", "for", "blog", "new", "latest", "recent",
        ],
    )
}

/// Prepositions: a name after one is not the head of its noun phrase ("the
/// key *to* Stadia's success").
#[must_use]
pub(super) fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "to" | "of" | "for" | "from" | "at" | "with" | "by" | "in" | "on" | "about" | "into" | "over"
            | "under" | "through" | "near" | "behind" | "beside" | "between" | "among" | "against"
            | "toward" | "towards" | "without" | "within" | "during" | "after" | "before" | "like"
    )
}

/// Subordinating words after which a verb has no subject of its own
/// ("when asked", "as noted").
#[must_use]
pub(super) fn is_subordinator(word: &str) -> bool {
    lower_eq(word, &["when", "if", "as", "unless", "until", "while", "once", "before", "after"])
}

/// Coordinating words: "… and cautions that" shares the earlier subject.
#[must_use]
pub(super) fn is_coordinator(word: &str) -> bool {
    lower_eq(word, &["and", "but", "or", "then", "yet", "so", "nor"])
}

/// The pronoun `word` is, if any.
#[must_use]
pub(super) fn pronoun(word: &str) -> Option<Pronoun> {
    let p = match word {
        "he" | "He" => Pronoun::He,
        "she" | "She" => Pronoun::She,
        "they" | "They" => Pronoun::They,
        "it" | "It" => Pronoun::It,
        "I" | "we" | "We" | "you" | "You" => Pronoun::Other,
        _ => return None,
    };
    Some(p)
}

/// The gender a word signals when it follows a name closely ("Ford visited
/// *his* editor") or describes it ("*his aunt*, Jane Starner").
#[must_use]
pub(super) fn gender_of(word: &str) -> Option<Gender> {
    let lower = word.trim_end_matches('.');
    if lower_eq(
        lower,
        &[
            "he", "his", "him", "himself", "mr", "sir", "king", "prince", "lord", "duke", "father",
            "brother", "son", "husband", "uncle", "nephew", "grandfather", "boyfriend", "widower",
            "congressman", "spokesman", "chairman", "businessman", "actor", "dad", "monsieur",
            "herr", "sheikh", "emir", "sultan", "pope", "rabbi", "imam", "ayatollah",
        ],
    ) {
        return Some(Gender::Male);
    }
    if lower_eq(
        lower,
        &[
            "she", "her", "hers", "herself", "mrs", "ms", "miss", "madam", "dame", "lady", "queen",
            "princess", "duchess", "mother", "sister", "daughter", "wife", "aunt", "niece",
            "grandmother", "girlfriend", "widow", "congresswoman", "spokeswoman", "chairwoman",
            "businesswoman", "actress", "mom", "mum", "madame", "frau",
        ],
    ) {
        return Some(Gender::Female);
    }
    None
}

/// The gender of a noun or title (not a pronoun): "aunt", "Mr.", "brother".
#[must_use]
pub(super) fn gender_noun(word: &str) -> Option<Gender> {
    let pronoun_form = lower_eq(word, &["he", "she", "his", "her", "him", "hers", "himself", "herself"]);
    if pronoun_form { None } else { gender_of(word) }
}

/// Titles and offices that precede a name and belong in its description
/// ("Sen.", "Secretary", "Prime Minister"); compared without a final period.
#[must_use]
pub(super) fn is_title_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    lower_eq(
        word,
        &[
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sen", "senator", "rep",
            "representative", "gov", "governor", "president", "vice", "secretary", "minister",
            "premier", "ambassador", "envoy", "judge", "justice", "chief", "general", "gen", "col",
            "colonel", "lt", "lieutenant", "capt", "captain", "sgt", "sergeant", "maj", "major",
            "adm", "admiral", "cmdr", "commander", "sir", "dame", "lord", "lady", "king", "queen",
            "princess", "duke", "duchess", "pope", "rev", "reverend", "rabbi", "imam", "sheikh",
            "ayatollah", "chairman", "chairwoman", "chair", "ceo", "cfo", "coo", "cto", "director",
            "head", "mayor", "speaker", "leader", "chancellor", "commissioner", "attorney",
            "congressman", "congresswoman", "deputy", "spokesman", "spokeswoman",
            "spokesperson", "officer", "inspector", "detective", "sheriff", "coach", "founder",
            "co-founder", "cofounder", "editor", "dean", "provost", "emir", "sultan", "crown",
            "chairperson", "superintendent", "councillor", "councilman", "councilwoman",
            "assemblyman", "assemblywoman", "delegate", "prosecutor", "magistrate", "marshal",
            "pres", "supt", "hon", "honorable", "honourable", "st", "mme", "mlle", "herr", "frau",
            "monsieur", "madame", "analyst", "economist", "strategist", "manager", "partner",
            "fellow", "researcher", "scientist", "lawyer", "counsel", "auditor", "treasurer",
        ],
    )
}

/// Office and institution words that end a title before the name ("Secretary
/// of *State* Marco Rubio", "White House *Press* Secretary").
#[must_use]
pub(super) fn is_office_word(word: &str) -> bool {
    lower_eq(
        word,
        &[
            "state", "defense", "defence", "treasury", "commerce", "health", "labor", "labour",
            "energy", "interior", "education", "agriculture", "transportation", "foreign", "home",
            "affairs", "security", "homeland", "intelligence", "staff", "press", "finance",
            "economy", "trade", "house", "senate", "congress", "parliament", "supreme", "federal",
            "national", "prime", "executive", "operating", "financial", "technology", "research",
            "communications", "public", "relations", "policy", "operations", "marketing", "sales",
            "emeritus", "general", "deputy", "assistant", "associate", "senior", "junior",
            "former", "acting", "interim", "principal", "managing",
        ],
    )
}

/// Words that make a capitalised run an organisation ("Dick Clark
/// *Productions*", "Kotak Institutional *Equities*").
#[must_use]
pub(super) fn is_org_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    lower_eq(
        word,
        &[
            "group", "productions", "production", "equities", "securities", "capital", "partners",
            "holdings", "institute", "institution", "university", "college", "school", "academy",
            "party", "association", "council", "company", "co", "corp", "corporation", "inc",
            "ltd", "llc", "plc", "gmbh", "ag", "sa", "ministry", "department", "office", "agency",
            "commission", "committee", "foundation", "bank", "fund", "market", "markets",
            "monitor", "watch", "times", "news", "post", "journal", "herald", "tribune",
            "gazette", "reuters", "service", "services", "systems", "technologies", "labs",
            "laboratory", "laboratories", "network", "networks", "union", "league", "club",
            "federation", "organization", "organisation", "authority", "court", "police", "army",
            "navy", "government", "administration", "center", "centre", "coalition", "alliance",
            "trust", "society", "board", "bureau", "media", "studios", "records", "entertainment",
            "airlines", "airways", "motors", "pharmaceuticals", "industries", "enterprises",
            "brokerage", "consulting", "associates", "press", "broadcasting", "channel",
            "magazine", "review", "research", "analytics", "insights", "advisors", "advisers",
            "investments", "management", "energy", "robotics", "aerospace", "dynamics",
            "program", "programme", "project", "initiative", "campaign", "movement", "front",
            "council", "assembly", "parliament", "congress", "senate", "cabinet", "kremlin",
            "pentagon", "nations", "organisation", "forum", "clinic", "hospital", "church",
        ],
    )
}

/// Lower-case particles that belong inside a person's name ("Behnam *ben*
/// Taleblu", "Ursula *von der* Leyen").
#[must_use]
pub(super) fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "ben" | "bin" | "bint" | "ibn" | "al" | "el" | "van" | "von" | "der" | "den" | "de"
            | "del" | "della" | "da" | "di" | "du" | "dos" | "das" | "do" | "la" | "le" | "ter"
            | "ten" | "y" | "zu" | "af" | "abu"
    )
}

/// Lower-case words that join the parts of an organisation's name ("Council
/// *on* Foreign Relations", "Foundation *for* Defense *of* Democracies").
#[must_use]
pub(super) fn is_name_connector(word: &str) -> bool {
    matches!(word, "of" | "for" | "on" | "and" | "the" | "&" | "at" | "in")
}

/// Capitalised words that are not names when they stand alone: sentence
/// starters, days and months, and words capitalised for other reasons.
#[must_use]
pub(super) fn is_not_name(word: &str) -> bool {
    lower_eq(
        word,
        &[
            "the", "a", "an", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "with",
            "from", "by", "as", "if", "when", "while", "after", "before", "although", "though",
            "because", "since", "until", "unless", "this", "that", "these", "those", "it", "its",
            "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your",
            "there", "here", "what", "which", "who", "why", "how", "where", "now", "then",
            "still", "even", "also", "just", "only", "meanwhile", "however", "instead", "yes",
            "no", "not", "some", "many", "most", "all", "both", "each", "every", "other",
            "another", "such", "one", "two", "three", "last", "next", "first", "today",
            "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "according", "said",
            "says", "photo", "image", "caption", "read", "more", "click", "to", "of", "do",
            "did", "does", "is", "was", "are", "were", "be", "has", "have", "had", "will",
            "would", "can", "could", "should", "must", "may", "might", "over", "under", "about",
            "like", "unlike", "despite", "during", "without", "within", "into", "onto", "per",
            "via", "amid", "among", "between", "through", "toward", "towards", "upon", "whether",
            "though", "thus", "therefore", "indeed", "perhaps", "maybe", "soon", "later",
            "earlier", "again", "once", "never", "always", "often", "sometimes", "whatever",
            "whoever", "everyone", "someone", "anyone", "nobody", "everything", "something",
            "nothing", "none", "few", "several", "much", "more", "less", "least", "very",
            "sure", "well", "oh", "ok", "okay", "dear", "hi", "hello", "thanks", "please",
            "mr", "mrs", "ms", "dr", "let", "don't", "don’t", "it's", "it’s", "that's", "that’s",
        ],
    )
}

/// Head nouns of an unnamed subject that stands for an organisation ("*the
/// company* said", "*the group* wrote").
#[must_use]
pub(super) fn is_org_noun(word: &str) -> bool {
    lower_eq(
        word,
        &[
            "company", "firm", "group", "label", "organisation", "organization", "agency",
            "ministry", "department", "government", "administration", "party", "union",
            "association", "network", "bank", "brand", "retailer", "chain", "startup",
            "publisher", "studio", "website", "outlet", "authority", "commission", "committee",
            "council", "institute", "foundation", "charity", "statement", "report", "letter",
            "release", "memo", "filing", "campaign", "team", "club", "league", "broadcaster",
            "newspaper", "magazine", "court", "police", "army", "military", "office", "board",
            "brokerage", "bureau", "regulator", "operator", "manufacturer", "maker", "carrier",
        ],
    )
}

/// Nouns for someone or something speaking *for* a named body ("a spokesperson
/// for X", "a report from X", "X's statement").
#[must_use]
pub(super) fn is_proxy_noun(word: &str) -> bool {
    lower_eq(
        word,
        &[
            "spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen",
            "representative", "representatives", "official", "officials", "statement",
            "report", "letter", "release", "memo", "filing", "email", "tweet", "post", "notice",
            "announcement", "study", "survey", "analysis", "paper", "website", "note", "document",
            "account", "press", "team", "lawyer", "lawyers", "attorney", "attorneys", "aide",
            "aides", "spokesperson's", "message", "campaign", "office", "staff",
        ],
    )
}

/// Prepositions linking a proxy noun to the body it speaks for.
#[must_use]
pub(super) fn is_proxy_preposition(word: &str) -> bool {
    matches!(word, "for" | "from" | "of" | "at" | "with" | "by")
}

/// Abbreviations after which a period never ends a sentence (titles,
/// initials' companions), compared case-sensitively without the period.
#[must_use]
pub(super) fn is_title_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Maj"
            | "Adm"
            | "Cmdr"
            | "Rev"
            | "Hon"
            | "Pres"
            | "Supt"
            | "St"
            | "Mt"
            | "Ft"
            | "Fr"
            | "No"
            | "Nos"
            | "Vol"
            | "vs"
            | "v"
            | "cf"
            | "approx"
            | "Dept"
            | "Sept"
            | "Jan"
            | "Feb"
            | "Aug"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Mme"
            | "Mlle"
            | "e.g"
            | "i.e"
            | "etc"
            | "al"
            | "Messrs"
            | "Ald"
    )
}

/// Whether a word may start a sentence after an ambiguous abbreviation such as
/// "U.S." or "p.m.": only a pronoun, article or conjunction shows that the
/// abbreviation ended its sentence.
#[must_use]
pub(super) fn starts_sentence_after_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "The" | "A" | "An" | "He" | "She" | "It" | "They" | "We" | "I" | "You" | "But" | "And"
            | "In" | "On" | "At" | "This" | "That" | "These" | "Those" | "There" | "His" | "Her"
            | "Their" | "Its" | "Our" | "My" | "If" | "When" | "While" | "As" | "So" | "Yet"
            | "Then" | "Now" | "After" | "Before" | "Since" | "Still" | "Meanwhile" | "However"
    )
}
