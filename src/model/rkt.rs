//! The plan as the RKT table people keep in Word or Excel: areas, their
//! components and indicators, each indicator with its cells (actions,
//! evidence, target, person in charge). `zi export` lays it out, `zi import`
//! reads it back. What a plan file holds beyond the table (its name, `file`
//! patterns, comments, any other key) travels with it as the file's own
//! text, so that a table that comes back unchanged gives back the same files.

/// The plan as a table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Rkt {
    pub(crate) unit: Option<String>,
    pub(crate) year: Option<i32>,
    /// `zi.toml`'s `title`, when it has one.
    pub(crate) title: Option<String>,
    /// `zi.toml`'s text, carried.
    pub(crate) config: Option<String>,
    pub(crate) areas: Vec<RktArea>,
}

/// A row group that a plan file stands behind: its folder or file name and
/// that file's text, when the table came from (or goes to) a plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Carried {
    /// The path under `plan/` (`1-manajemen-perubahan/1-tim-kerja/1-sk.toml`).
    pub(crate) path: Option<String>,
    /// The text of the file behind it (`area.toml`, `component.toml` or the
    /// indicator file).
    pub(crate) text: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RktArea {
    pub(crate) number: u32,
    pub(crate) name: String,
    pub(crate) carried: Carried,
    pub(crate) components: Vec<RktComponent>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RktComponent {
    pub(crate) number: u32,
    pub(crate) name: String,
    pub(crate) carried: Carried,
    pub(crate) indicators: Vec<RktIndicator>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RktIndicator {
    pub(crate) text: String,
    pub(crate) actions: Vec<String>,
    pub(crate) evidence: Vec<String>,
    pub(crate) due: String,
    pub(crate) pic: Option<String>,
    pub(crate) carried: Carried,
}

impl Rkt {
    pub(crate) fn indicator_count(&self) -> usize {
        self.areas.iter().flat_map(|a| &a.components).map(|c| c.indicators.len()).sum()
    }
}

/// The columns of the RKT table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Column {
    No,
    Component,
    Indicator,
    Actions,
    Evidence,
    Due,
    Pic,
    /// `--with-status`: read back as nothing.
    Status,
    Documents,
    Remarks,
    /// The plan file a row stands for (hidden in a workbook).
    Path,
    /// That file's text (hidden).
    Text,
    /// The text of the row's component's `component.toml` (hidden).
    ComponentText,
}

/// The titles of the carried columns, the same in every language.
pub(crate) const PATH_TITLE: &str = "zi:path";
pub(crate) const TEXT_TITLE: &str = "zi:text";
pub(crate) const COMPONENT_TEXT_TITLE: &str = "zi:component";

/// Every column title `zi import` recognises, as `docs/format.md` lists
/// them: upper case, single spaces, no dots.
pub(crate) const TITLES: &[(Column, &[&str])] = &[
    (Column::No, &["NO", "NOMOR", "NO URUT"]),
    (Column::Component, &["KOMPONEN", "KOMPONEN PENGUNGKIT", "AREA KOMPONEN", "COMPONENT"]),
    (Column::Indicator, &["INDIKATOR", "INDIKATOR PENILAIAN", "INDICATOR"]),
    (
        Column::Actions,
        &[
            "LANGKAH AKSI",
            "RENCANA AKSI",
            "KEGIATAN",
            "RENCANA KEGIATAN",
            "URAIAN KEGIATAN",
            "ACTIONS",
            "ACTION",
        ],
    ),
    (
        Column::Evidence,
        &["BUKTI FISIK", "OUTPUT", "DATA DUKUNG", "BUKTI DUKUNG", "EVIDENCE", "OUTPUT BUKTI FISIK"],
    ),
    (
        Column::Due,
        &[
            "TARGET WAKTU",
            "WAKTU PELAKSANAAN",
            "JADWAL",
            "JADWAL PELAKSANAAN",
            "TARGET",
            "WAKTU",
            "TARGET TIME",
        ],
    ),
    (Column::Pic, &["PIC", "PENANGGUNG JAWAB", "PJ", "PERSON IN CHARGE"]),
    (Column::Status, &["STATUS"]),
    (Column::Documents, &["DOKUMEN", "DOCUMENTS"]),
    (Column::Remarks, &["KETERANGAN", "MISSING DOCUMENTS"]),
    (Column::Path, &["ZI:PATH"]),
    (Column::Text, &["ZI:TEXT"]),
    (Column::ComponentText, &["ZI:COMPONENT"]),
];

/// The column a header cell names: its words in upper case, dots, colons
/// of no meaning and runs of white space aside (`No.`, `TARGET\nWAKTU`,
/// `Penanggung Jawab`, `BUKTI FISIK / OUTPUT`).
pub(crate) fn column_of(title: &str) -> Option<Column> {
    let title = header_words(title);
    let find = |t: &str| TITLES.iter().find(|(_, names)| names.contains(&t)).map(|(c, _)| *c);
    find(&title).or_else(|| {
        // "BUKTI FISIK / OUTPUT", "RENCANA AKSI (KEGIATAN)": the first part.
        let first = title.split(['/', '(']).next().map(str::trim)?;
        (first != title).then(|| find(first)).flatten()
    })
}

/// A header cell's words as `TITLES` lists them.
fn header_words(title: &str) -> String {
    let upper = title.to_uppercase().replace(['.', '_'], " ");
    collapse_spaces(&upper).replace("ZI : ", "ZI:")
}

/// A target time moved by `delta` years: every four-digit year in it
/// (`Juli, Desember 2022` → `Juli, Desember 2023`), the rest as written.
pub(crate) fn shift_years(due: &str, delta: i32) -> String {
    let mut out = String::with_capacity(due.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        match (digits.len(), digits.parse::<i32>()) {
            (4, Ok(year)) if (1..=9999).contains(&(year + delta)) => {
                out.push_str(&(year + delta).to_string())
            }
            _ => out.push_str(digits),
        }
        digits.clear();
    };
    for c in due.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// The cell that holds a list of items: one item per line.
pub(crate) fn items_cell(items: &[String]) -> String {
    items.join("\n")
}

/// The items of a cell as an RKT table writes them: one per line, or
/// separated by semicolons, bullets (`•`, `-`, `*`, `·`, `▪`, `o `) or
/// numbering (`1.`, `1)`, `a.`, `a)`, `(1)`), never at commas, which are
/// part of an item's words ("Undangan, daftar hadir" stays one item only
/// when nothing else separates it). Empty items are dropped.
pub(crate) fn split_items(cell: &str) -> Vec<String> {
    let mut items = Vec::new();
    for line in cell.split(['\n', '\r', '\u{2028}']) {
        for part in line.split(';') {
            for piece in split_at_markers(part) {
                let item = collapse_spaces(&piece);
                if !item.is_empty() {
                    items.push(item);
                }
            }
        }
    }
    items
}

/// `part` cut before every bullet or number that starts an item: at the
/// start, or inside the text after white space (`1. Undangan 2. Daftar hadir`).
fn split_at_markers(part: &str) -> Vec<String> {
    let chars: Vec<char> = part.chars().collect();
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut i = 0;
    while i < chars.len() {
        let at_start = current.trim().is_empty();
        let after_space = i > 0 && chars[i - 1].is_whitespace();
        if at_start || after_space {
            if let Some(len) = marker_len(&chars[i..], at_start) {
                if !current.trim().is_empty() {
                    pieces.push(std::mem::take(&mut current));
                }
                current.clear();
                i += len;
                continue;
            }
        }
        current.push(chars[i]);
        i += 1;
    }
    pieces.push(current);
    pieces
}

/// The length of an item marker at the start of `rest`, followed by white
/// space. Inside a text only bullets and numbers count (`1.`, `2)`); at the
/// start of a line also letters (`a.`, `b)`) and `-`.
fn marker_len(rest: &[char], at_start: bool) -> Option<usize> {
    let spaced = |len: usize| rest.get(len).is_some_and(|c| c.is_whitespace()).then_some(len + 1);
    match rest.first()? {
        '•' | '·' | '▪' | '◦' | '●' | '○' | '➢' | '►' | '✓' => spaced(1).or(Some(1)),
        '-' | '*' | '–' if at_start => spaced(1),
        '(' => {
            let digits = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            (digits > 0 && rest.get(1 + digits) == Some(&')')).then(|| spaced(digits + 2)).flatten()
        }
        c if c.is_ascii_digit() => {
            let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits > 2 {
                return None;
            }
            match rest.get(digits) {
                Some('.' | ')') => spaced(digits + 1),
                _ => None,
            }
        }
        c if at_start && c.is_ascii_lowercase() => match rest.get(1) {
            Some('.' | ')') => spaced(2),
            _ => None,
        },
        _ => None,
    }
}

/// Runs of white space as one space, none at either end.
pub(crate) fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words too common to name a file by.
const STOP_WORDS: &[&str] = &[
    "yang", "dan", "telah", "di", "ke", "dari", "untuk", "dengan", "secara", "oleh", "pada", "atau", "sudah",
    "dalam", "adalah", "serta", "terhadap", "bagi", "akan", "para", "ini", "itu", "tersebut", "dll", "the",
    "of", "and", "a", "an", "to", "in", "for", "is", "are", "has", "have", "been", "by", "on", "with",
];

/// The longest slug: short enough for a file name people read.
const SLUG_MAX: usize = 40;

/// A short, stable file-name slug made from `text`: lower case ASCII words
/// joined by `-`, common words left out, at most 40 characters, cut at a
/// word. Letters with accents lose them; other characters separate words.
/// `fallback` when nothing is left.
pub(crate) fn slug(text: &str, fallback: &str) -> String {
    let ascii: String = text.chars().map(fold_accent).collect();
    let words: Vec<String> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let kept: Vec<&String> = words.iter().filter(|w| !STOP_WORDS.contains(&w.as_str())).collect();
    let chosen = if kept.is_empty() { words.iter().collect() } else { kept };
    let mut slug = String::new();
    for word in chosen {
        let word = &word[..word.len().min(SLUG_MAX)];
        if !slug.is_empty() && slug.len() + 1 + word.len() > SLUG_MAX {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

/// The ASCII letter of a Latin letter with an accent; other characters as
/// they are.
fn fold_accent(c: char) -> char {
    match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ò'..='ö' | 'Ò'..='Ö' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        c => c,
    }
}

/// Areas print as Roman numerals, as RKT tables write them.
pub(crate) fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The value of a Roman numeral (`IV`, `iv`) as `roman` writes it;
/// `None` for anything else.
pub(crate) fn roman_value(text: &str) -> Option<u32> {
    let upper = text.to_ascii_uppercase();
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Vec<u32> = upper.chars().map(digit).collect::<Option<_>>()?;
    let mut value: i64 = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            value -= i64::from(*d);
        } else {
            value += i64::from(*d);
        }
    }
    let value = u32::try_from(value).ok().filter(|v| (1..4000).contains(v))?;
    (roman(value) == upper).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(cell: &str) -> Vec<String> {
        split_items(cell)
    }

    #[test]
    fn cells_split_at_line_breaks_semicolons_bullets_and_numbers_never_commas() {
        assert_eq!(items("Undangan\nDaftar hadir"), ["Undangan", "Daftar hadir"]);
        assert_eq!(items("Undangan; daftar hadir;"), ["Undangan", "daftar hadir"]);
        assert_eq!(items("• Undangan\n• Daftar hadir, notulen"), ["Undangan", "Daftar hadir, notulen"]);
        assert_eq!(items("1. Undangan 2. Daftar hadir"), ["Undangan", "Daftar hadir"]);
        assert_eq!(items("1) SK\n2) SOP"), ["SK", "SOP"]);
        assert_eq!(items("a. SK\nb. SOP"), ["SK", "SOP"]);
        assert_eq!(items("- SK\r\n- SOP"), ["SK", "SOP"]);
        assert_eq!(items("(1) SK (2) SOP"), ["SK", "SOP"]);
        assert_eq!(items("Laporan, notulen, foto"), ["Laporan, notulen, foto"]);
    }

    #[test]
    fn numbers_that_are_words_are_not_markers() {
        assert_eq!(items("ISO 9001:2015"), ["ISO 9001:2015"]);
        assert_eq!(items("LAKIN 2021 tepat waktu"), ["LAKIN 2021 tepat waktu"]);
        assert_eq!(items("Tahap-1 selesai"), ["Tahap-1 selesai"]);
        assert_eq!(items("kerja - sama"), ["kerja - sama"]);
    }

    #[test]
    fn slugs_are_short_lower_case_ascii_words() {
        assert_eq!(
            slug("SK Tim Kerja ZI telah dibuat sesuai prosedur yang telah ditetapkan", "x"),
            "sk-tim-kerja-zi-dibuat-sesuai-prosedur"
        );
        assert_eq!(slug("Penguatan Akuntabilitas", "x"), "penguatan-akuntabilitas");
        assert_eq!(slug("Pelayanan café – ümlaut", "x"), "pelayanan-cafe-umlaut");
        assert_eq!(slug("😀 !!", "indikator"), "indikator");
        assert_eq!(slug(&"a".repeat(100), "x"), "a".repeat(40));
        assert!(slug(&"kata ".repeat(50), "x").len() <= 40);
    }

    #[test]
    fn target_years_move_and_nothing_else_does() {
        assert_eq!(shift_years("Juli, Desember 2022", 1), "Juli, Desember 2023");
        assert_eq!(shift_years("Desember 2021, Maret 2022", 1), "Desember 2022, Maret 2023");
        assert_eq!(shift_years("31 Juli 2022", 1), "31 Juli 2023");
        assert_eq!(shift_years("2022-07-31", 1), "2023-07-31");
        assert_eq!(shift_years("Triwulan 1", 1), "Triwulan 1");
        assert_eq!(shift_years("setiap ada 12345 rapat", 1), "setiap ada 12345 rapat");
        assert_eq!(shift_years("", 1), "");
    }

    #[test]
    fn header_cells_name_their_columns_however_they_are_written() {
        assert_eq!(column_of("No."), Some(Column::No));
        assert_eq!(column_of("TARGET\nWAKTU"), Some(Column::Due));
        assert_eq!(column_of(" Penanggung  Jawab "), Some(Column::Pic));
        assert_eq!(column_of("BUKTI FISIK / OUTPUT"), Some(Column::Evidence));
        assert_eq!(column_of("Rencana Aksi (Kegiatan)"), Some(Column::Actions));
        assert_eq!(column_of("zi:path"), Some(Column::Path));
        assert_eq!(column_of("Anggaran"), None);
        assert_eq!(column_of(""), None);
    }

    #[test]
    fn roman_numerals_for_areas() {
        let r: Vec<String> = [1, 3, 4, 6, 9, 14, 40].into_iter().map(roman).collect();
        assert_eq!(r, ["I", "III", "IV", "VI", "IX", "XIV", "XL"]);
    }

    #[test]
    fn roman_numerals_read_back() {
        assert_eq!(roman_value("I"), Some(1));
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("VI"), Some(6));
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("XL"), Some(40));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("IL"), None);
        assert_eq!(roman_value("A"), None);
        assert_eq!(roman_value(""), None);
    }
}
