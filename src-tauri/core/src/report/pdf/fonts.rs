//! The system's fonts for Chinese text in PDF reports. Every folder the system keeps
//! fonts in is searched (through fontdb: the Windows Fonts folders, the system's, the
//! library's and the user's on macOS, the folders fontconfig names on Linux), and faces
//! are chosen by family and weight, not by file name: a bold face is whatever face of the
//! same family is heavier (msyhbd.ttc beside msyh.ttc, W6 beside W3).

use std::path::PathBuf;

use fontdb::{Database, FaceInfo, Source, Style};

use crate::{Reason, Result};

/// Families that set Simplified Chinese well, most wanted first: what each system ships
/// (Linux: Noto CJK; Windows: Microsoft YaHei; macOS: PingFang, Hiragino Sans GB, Heiti)
/// and the common add-ons. Any other family with Chinese glyphs comes after these.
const PREFERRED: [&str; 12] = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Sarasa Gothic SC",
    "DengXian",
];

/// Characters every Chinese report has: a face without all of them cannot set one.
const SAMPLE: &str = "的一是不在人有中国年大为上个公司元亿融资估值市场增长";

/// A face in a font file (a collection holds several: `index`).
#[derive(Debug, Clone, PartialEq)]
pub struct Face {
    pub path: PathBuf,
    pub index: u32,
    pub family: String,
}

/// The faces a report is set in: body text, and headings if the family has a heavier face.
#[derive(Debug, Clone, PartialEq)]
pub struct CjkFaces {
    pub regular: Face,
    pub bold: Option<Face>,
}

/// Searches the system's font folders.
pub fn find_cjk_faces() -> Result<CjkFaces> {
    let mut db = Database::new();
    db.load_system_fonts();
    choose(&db).ok_or_else(|| Reason::NoChineseFont { help: NO_FONT.to_owned() }.into())
}

#[cfg(target_os = "windows")]
const NO_FONT: &str = "PDF export needs a font with Chinese characters and none was found in the Windows \
     Fonts folders; add one, e.g. Settings → Apps → Optional features → Add a feature → \
     Chinese (Simplified) Supplemental Fonts";
#[cfg(target_os = "macos")]
const NO_FONT: &str = "PDF export needs a font with Chinese characters and none was found in the font \
     folders (/System/Library/Fonts, /Library/Fonts, ~/Library/Fonts); install one, e.g. \
     Noto Sans CJK SC, with Font Book";
#[cfg(not(any(target_os = "windows", target_os = "macos")))]
const NO_FONT: &str = "PDF export needs a font with Chinese characters and none was found in the font \
     folders fontconfig lists; install Noto Sans CJK (Debian and Ubuntu: sudo apt install \
     fonts-noto-cjk; Fedora: sudo dnf install google-noto-sans-cjk-fonts)";

/// The best family with Chinese glyphs in `db`: a preferred one, else one with a bold
/// face, else the first by name. Its upright face nearest to normal weight sets the text.
pub fn choose(db: &Database) -> Option<CjkFaces> {
    let upright: Vec<&FaceInfo> = db
        .faces()
        .filter(|f| f.style == Style::Normal && path_of(f).is_some() && covers_chinese(db, f))
        .collect();
    let mut families: Vec<&str> = upright.iter().map(|f| family_of(f)).collect();
    families.sort_unstable();
    families.dedup();
    families
        .iter()
        .filter_map(|family| {
            let faces: Vec<&FaceInfo> = upright.iter().copied().filter(|f| family_of(f) == *family).collect();
            faces_of(&faces)
        })
        .min_by_key(|faces| {
            let preference = PREFERRED
                .iter()
                .position(|p| p.eq_ignore_ascii_case(&faces.regular.family))
                .unwrap_or(PREFERRED.len());
            (preference, faces.bold.is_none(), faces.regular.family.clone())
        })
}

/// The regular face (nearest to 400; the lighter of two as near) and the bold one (the
/// face nearest to 700 among those at least 200 heavier) of one family's upright faces.
fn faces_of(faces: &[&FaceInfo]) -> Option<CjkFaces> {
    let regular = faces.iter().min_by_key(|f| ((i32::from(f.weight.0) - 400).abs(), f.weight.0))?;
    let bold = faces
        .iter()
        .filter(|f| f.weight.0 >= regular.weight.0 + 200)
        .min_by_key(|f| ((i32::from(f.weight.0) - 700).abs(), f.weight.0));
    Some(CjkFaces { regular: face(regular)?, bold: bold.and_then(|f| face(f)) })
}

fn face(info: &FaceInfo) -> Option<Face> {
    Some(Face { path: path_of(info)?, index: info.index, family: family_of(info).to_owned() })
}

/// The family's English name (fontdb puts it first).
fn family_of(info: &FaceInfo) -> &str {
    info.families.first().map(|(name, _)| name.as_str()).unwrap_or("")
}

fn path_of(info: &FaceInfo) -> Option<PathBuf> {
    match &info.source {
        Source::File(path) | Source::SharedFile(path, _) => Some(path.clone()),
        Source::Binary(_) => None,
    }
}

fn covers_chinese(db: &Database, info: &FaceInfo) -> bool {
    db.with_face_data(info.id, |data, index| {
        ttf_parser::Face::parse(data, index)
            .is_ok_and(|face| SAMPLE.chars().all(|c| face.glyph_index(c).is_some()))
    })
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// A minimal OpenType font: the tables fontdb and ttf-parser read (names, weight,
    /// style, the character map), and glyphs for `chars` only.
    fn font(family: &str, style_name: &str, weight: u16, italic: bool, chars: &str) -> Vec<u8> {
        collection(&[(family, style_name, weight, italic, chars)])
    }

    /// Several faces in one file: a TrueType collection (`ttcf`) when more than one.
    fn collection(faces: &[(&str, &str, u16, bool, &str)]) -> Vec<u8> {
        let header = if faces.len() > 1 { 12 + 4 * faces.len() } else { 0 };
        let mut blobs: Vec<Vec<u8>> = Vec::new();
        let mut offset = header;
        for (family, style_name, weight, italic, chars) in faces {
            let blob = sfnt(offset, family, style_name, *weight, *italic, chars);
            offset += blob.len();
            blobs.push(blob);
        }
        let mut out = Vec::new();
        if faces.len() > 1 {
            out.extend(b"ttcf");
            out.extend(0x0001_0000u32.to_be_bytes());
            out.extend((faces.len() as u32).to_be_bytes());
            let mut at = header;
            for blob in &blobs {
                out.extend((at as u32).to_be_bytes());
                at += blob.len();
            }
        }
        blobs.iter().for_each(|b| out.extend(b));
        out
    }

    /// One face whose tables start `base` bytes into the file.
    fn sfnt(base: usize, family: &str, style_name: &str, weight: u16, italic: bool, chars: &str) -> Vec<u8> {
        let be16 = |v: u16| v.to_be_bytes();
        let mut chars: Vec<u16> = chars.chars().map(|c| c as u16).collect();
        chars.sort_unstable();
        chars.dedup();
        let glyphs = chars.len() as u16 + 1;

        let mut os2 = vec![0u8; 96];
        os2[0..2].copy_from_slice(&be16(4));
        os2[4..6].copy_from_slice(&be16(weight));
        os2[6..8].copy_from_slice(&be16(5));
        os2[62..64].copy_from_slice(&be16(if italic { 1 } else { 0x40 }));

        // Format 4, one segment per character (glyph i + 1), then the closing 0xFFFF one.
        let segments = chars.len() as u16 + 1;
        let mut sub = Vec::new();
        for v in [4, 16 + 8 * segments, 0, segments * 2, 0, 0, 0] {
            sub.extend(be16(v));
        }
        chars.iter().chain([0xFFFFu16].iter()).for_each(|c| sub.extend(be16(*c)));
        sub.extend(be16(0));
        chars.iter().chain([0xFFFFu16].iter()).for_each(|c| sub.extend(be16(*c)));
        for (i, c) in chars.iter().enumerate() {
            sub.extend(be16((i as u16 + 1).wrapping_sub(*c)));
        }
        sub.extend(be16(1));
        (0..segments).for_each(|_| sub.extend(be16(0)));
        let mut cmap = Vec::new();
        for v in [0u16, 1, 3, 1] {
            cmap.extend(be16(v));
        }
        cmap.extend(12u32.to_be_bytes());
        cmap.extend(sub);

        let mut head = vec![0u8; 54];
        head[0..4].copy_from_slice(&0x0001_0000u32.to_be_bytes());
        head[12..16].copy_from_slice(&0x5F0F_3CF5u32.to_be_bytes());
        head[18..20].copy_from_slice(&be16(1000));
        let mut hhea = vec![0u8; 36];
        hhea[0..4].copy_from_slice(&0x0001_0000u32.to_be_bytes());
        let mut maxp = 0x0000_5000u32.to_be_bytes().to_vec();
        maxp.extend(be16(glyphs));
        let mut post = vec![0u8; 32];
        post[0..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());

        let records: Vec<(u16, String)> = vec![
            (1, family.to_owned()),
            (2, style_name.to_owned()),
            (6, format!("{}-{}", family.replace(' ', ""), style_name)),
            (16, family.to_owned()),
            (17, style_name.to_owned()),
        ];
        let strings: Vec<Vec<u8>> =
            records.iter().map(|(_, s)| s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect()).collect();
        let mut name = Vec::new();
        name.extend(be16(0));
        name.extend(be16(records.len() as u16));
        name.extend(be16(6 + 12 * records.len() as u16));
        let mut at = 0u16;
        for ((id, _), bytes) in records.iter().zip(&strings) {
            for v in [3, 1, 0x0409, *id, bytes.len() as u16, at] {
                name.extend(be16(v));
            }
            at += bytes.len() as u16;
        }
        strings.iter().for_each(|s| name.extend(s));

        // Sorted by tag, as readers search the directory.
        let tables: [(&[u8; 4], Vec<u8>); 7] = [
            (b"OS/2", os2),
            (b"cmap", cmap),
            (b"head", head),
            (b"hhea", hhea),
            (b"maxp", maxp),
            (b"name", name),
            (b"post", post),
        ];
        let mut out = Vec::new();
        out.extend(0x0001_0000u32.to_be_bytes());
        for v in [tables.len() as u16, 0, 0, 0] {
            out.extend(be16(v));
        }
        let mut at = base + 12 + 16 * tables.len();
        let mut data = Vec::new();
        for (tag, table) in &tables {
            out.extend(*tag);
            out.extend(0u32.to_be_bytes());
            out.extend((at as u32).to_be_bytes());
            out.extend((table.len() as u32).to_be_bytes());
            let mut padded = table.clone();
            padded.resize(table.len().next_multiple_of(4), 0);
            at += padded.len();
            data.extend(padded);
        }
        out.extend(data);
        out
    }

    fn folder(files: &[(&str, Vec<u8>)]) -> (tempfile::TempDir, Database) {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        let mut db = Database::new();
        db.load_fonts_dir(dir.path());
        (dir, db)
    }

    fn names(faces: &CjkFaces, root: &Path) -> (String, String, Option<String>) {
        let file = |f: &Face| format!("{}#{}", f.path.strip_prefix(root).unwrap().display(), f.index);
        (faces.regular.family.clone(), file(&faces.regular), faces.bold.as_ref().map(file))
    }

    #[test]
    fn the_bold_face_is_found_by_family_and_weight_in_any_file() {
        // As on Windows: msyh.ttc (YaHei and YaHei UI) and msyhbd.ttc, named unlike each other.
        let (dir, db) = folder(&[
            (
                "Fonts/msyh.ttc",
                collection(&[
                    ("Microsoft YaHei", "Regular", 400, false, SAMPLE),
                    ("Microsoft YaHei UI", "Regular", 400, false, SAMPLE),
                ]),
            ),
            (
                "Fonts/msyhbd.ttc",
                collection(&[
                    ("Microsoft YaHei", "Bold", 700, false, SAMPLE),
                    ("Microsoft YaHei UI", "Bold", 700, false, SAMPLE),
                ]),
            ),
            ("Fonts/arial.ttf", font("Arial", "Regular", 400, false, "abc")),
            ("Fonts/simsun.ttc", font("SimSun", "Regular", 400, false, SAMPLE)),
        ]);
        let faces = choose(&db).expect("a Chinese font is in the folder");
        assert_eq!(
            names(&faces, dir.path()),
            ("Microsoft YaHei".into(), "Fonts/msyh.ttc#0".into(), Some("Fonts/msyhbd.ttc#0".into()))
        );
    }

    #[test]
    fn a_heavier_face_of_the_family_is_its_bold_and_italics_are_never_taken() {
        // As on macOS: Hiragino Sans GB in W3 and W6, PingFang absent.
        let (dir, db) = folder(&[
            (
                "Hiragino Sans GB.ttc",
                collection(&[
                    ("Hiragino Sans GB", "W3", 300, false, SAMPLE),
                    ("Hiragino Sans GB", "W6", 600, false, SAMPLE),
                ]),
            ),
            ("Library/Fonts/Other Italic.otf", font("Hiragino Sans GB", "Italic", 400, true, SAMPLE)),
        ]);
        let faces = choose(&db).unwrap();
        assert_eq!(
            names(&faces, dir.path()),
            (
                "Hiragino Sans GB".into(),
                "Hiragino Sans GB.ttc#0".into(),
                Some("Hiragino Sans GB.ttc#1".into())
            )
        );
    }

    #[test]
    fn a_preferred_family_wins_and_a_font_without_chinese_is_no_candidate() {
        let (_dir, db) = folder(&[
            ("a/AAA Chinese.ttf", font("AAA Chinese", "Regular", 400, false, SAMPLE)),
            (
                "b/NotoSansCJK-Regular.ttc",
                collection(&[
                    ("Noto Sans CJK JP", "Regular", 400, false, SAMPLE),
                    ("Noto Sans CJK SC", "Regular", 400, false, SAMPLE),
                ]),
            ),
            (
                "b/NotoSansCJK-Bold.ttc",
                collection(&[
                    ("Noto Sans CJK JP", "Bold", 700, false, SAMPLE),
                    ("Noto Sans CJK SC", "Bold", 700, false, SAMPLE),
                ]),
            ),
            // Kanji and kana only, no 们 or 亿: a Japanese font sets no Chinese report.
            ("c/Japanese.ttf", font("A Japanese Gothic", "Regular", 400, false, "的一是不在人有中国年大")),
        ]);
        let faces = choose(&db).unwrap();
        assert_eq!(faces.regular.family, "Noto Sans CJK SC");
        let file = |f: &Face| (f.path.file_name().unwrap().to_string_lossy().into_owned(), f.index);
        assert_eq!(file(&faces.regular), ("NotoSansCJK-Regular.ttc".into(), 1));
        assert_eq!(faces.bold.as_ref().map(file), Some(("NotoSansCJK-Bold.ttc".into(), 1)));

        let (_dir, db) = folder(&[(
            "c/Japanese.ttf",
            font("A Japanese Gothic", "Regular", 400, false, "的一是不在人有中国年大"),
        )]);
        assert_eq!(choose(&db), None);
    }

    #[test]
    fn an_unknown_family_with_chinese_is_taken_and_one_without_bold_sets_headings_regular() {
        let (_dir, db) = folder(&[
            ("z.ttf", font("Zhongwen Sans", "Regular", 400, false, SAMPLE)),
            ("y-regular.ttf", font("Yahei Like", "Regular", 400, false, SAMPLE)),
            ("y-bold.ttf", font("Yahei Like", "Bold", 700, false, SAMPLE)),
        ]);
        let faces = choose(&db).unwrap();
        let bold = faces.bold.map(|b| b.path.file_name().unwrap().to_string_lossy().into_owned());
        assert_eq!((faces.regular.family.as_str(), bold.as_deref()), ("Yahei Like", Some("y-bold.ttf")));

        let (_dir, db) = folder(&[("z.ttf", font("Zhongwen Sans", "Regular", 400, false, SAMPLE))]);
        let faces = choose(&db).unwrap();
        assert_eq!((faces.regular.family.as_str(), faces.bold), ("Zhongwen Sans", None));
    }

    #[test]
    fn no_chinese_font_finds_nothing() {
        let (_dir, db) = folder(&[
            ("arial.ttf", font("Arial", "Regular", 400, false, "abcdef")),
            ("broken.ttf", b"not a font at all".to_vec()),
        ]);
        assert_eq!(choose(&db), None);
        assert!(NO_FONT.contains("Chinese"));
    }
}
