//! What exactly went wrong, for every failure a user can meet: a stable code with the
//! values the sentence needs, so that a front end can say it in its own language. The
//! English sentence here is the error's message (what the CLI prints, and the UI's
//! fallback); the UI keeps the other languages by code (ui/src/lib/messages.ts).

use serde::Serialize;

use super::ErrorKind;

#[derive(Debug, Clone, PartialEq, Serialize, thiserror::Error, ts_rs::TS)]
#[ts(export)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason {
    // Reading files and folders.
    #[error("{path} is not a regular file")]
    NotAFile { path: String },
    #[error("file is {size} bytes, over the limit of {limit} bytes")]
    FileTooLarge {
        #[ts(type = "number")]
        size: u64,
        #[ts(type = "number")]
        limit: u64,
    },
    #[error("{path}: no such file or folder")]
    NoSuchFile { path: String },
    #[error("{path}: permission denied: cannot read it")]
    NoPermission { path: String },
    #[error("{path}: cannot read it: {detail}")]
    CannotRead { path: String, detail: String },
    #[error("file is empty")]
    EmptyFile,

    // Entries of an imported folder left unread (the outcome names the entry).
    #[error("not a regular file")]
    SkippedSpecialFile,
    #[error("a link to nothing")]
    SkippedLinkToNothing,
    #[error("a link to outside the folder")]
    SkippedLinkOutside,
    #[error("a link to a folder in it")]
    SkippedLinkToFolder,

    // What a file is.
    #[error(
        "not a PDF: the file does not start like one (%PDF-) and is not text either; it is damaged, or another kind of file renamed .pdf"
    )]
    NotPdf,
    #[error(
        "not a Word document: a .docx is a zip archive and this file is not one, nor text; it is damaged, or another kind of file renamed .docx"
    )]
    NotDocx,
    #[error("unsupported file type .{extension}: Dossier imports .txt, .md, .html, .pdf and .docx files")]
    UnsupportedType { extension: String },
    #[error("the Word document is password-protected: save a copy without a password and import that")]
    WordPasswordProtected,
    #[error("an old Microsoft Office file (.doc, .xls or .ppt): save it as .docx and import that")]
    OldOffice,
    #[error("an RTF document: save it as .docx or .txt and import that")]
    Rtf,
    /// `looks_like` names a format in English ("a PNG image").
    #[error("binary file, not a text document: looks like {looks_like}")]
    Binary { looks_like: String },
    #[error(
        "binary file, not a text document: it holds NUL bytes ({count} in the first {sampled} bytes), which text only has in UTF-16, and it is not UTF-16"
    )]
    NulBytes { count: usize, sampled: usize },
    #[error("binary file, not a text document: {count} of its first {sampled} bytes are control characters")]
    ControlBytes { count: usize, sampled: usize },
    #[error("no text: the file holds only control characters")]
    OnlyControlCharacters,
    #[error("no text: the file holds only whitespace")]
    OnlyWhitespace,
    #[error("no text found in the file")]
    NoText,
    #[error("text starts with a {encoding} byte-order mark but is not valid {encoding}")]
    BadByteOrderMark { encoding: String },
    #[error(
        "not valid UTF-8, and not readable as {encoding} either: the bytes do not look like text in any encoding we know"
    )]
    UnknownEncoding { encoding: String },
    /// `what` names the format in English ("PDF", "Word document").
    #[error("the {what} is damaged: the reader failed on its structure")]
    ReaderFailed { what: String },
    #[error(
        "reading the {what} took longer than {seconds} seconds; it may be damaged or built to stall readers"
    )]
    ReadingTooSlow {
        what: String,
        #[ts(type = "number")]
        seconds: u64,
    },

    // Web pages.
    #[error("cannot read the HTML page: {detail}")]
    HtmlUnreadable { detail: String },
    #[error("no article text in the HTML page: it holds only markup, scripts or styles")]
    HtmlNoText,
    #[error("the HTML page has more than {max} elements: too large to read as an article")]
    HtmlTooManyElements { max: usize },
    #[error("the HTML page nests elements more than {max} deep: refused, as such a page could take minutes to read")]
    HtmlTooDeep { max: usize },

    // PDFs.
    #[error("the PDF is truncated (its end-of-file marker is missing): download or copy it again")]
    PdfTruncated,
    #[error("the PDF is damaged and cannot be read ({detail})")]
    PdfDamaged { detail: String },
    #[error("the PDF is encrypted with a password: save an unprotected copy and import that")]
    PdfEncrypted,
    #[error(
        "the PDF is damaged: it was cut short (its cross-reference table is missing) and no text can be read from what is left; download or copy it again"
    )]
    PdfCutShort,
    #[error("the PDF is damaged: cannot count its pages ({detail})")]
    PdfPagesUncountable { detail: String },
    #[error("the PDF has {pages} pages, over the limit of {max} pages")]
    PdfTooManyPages { pages: usize, max: usize },
    #[error("the PDF has no pages")]
    PdfNoPages,
    #[error("the PDF is damaged: page {page} cannot be read ({detail})")]
    PdfPageUnreadable { page: usize, detail: String },
    #[error("no text layer: this PDF is scanned images; OCR is not supported")]
    PdfScanned,
    #[error("the PDF has no text")]
    PdfNoText,

    // Word documents.
    #[error("damaged Word document: {part} is not well-formed XML ({detail})")]
    DocxBadXml { part: String, detail: String },
    #[error("unsupported zip archive in a Word document: {detail}")]
    DocxZipUnsupported { detail: String },
    #[error("not a readable Word document: the zip archive is damaged or truncated ({detail})")]
    DocxZipDamaged { detail: String },
    #[error("damaged Word document: cannot unzip {part} ({detail})")]
    DocxPartDamaged { part: String, detail: String },
    #[error("damaged Word document: {part} is not UTF-8 text")]
    DocxPartNotUtf8 { part: String },
    #[error("cannot unzip {part}: {detail}")]
    DocxPartUnsupported { part: String, detail: String },
    #[error("cannot unzip {part}: compression method {method} is not supported")]
    DocxCompression { part: String, method: u16 },
    #[error("{part} is itself a zip archive: nested archives are refused")]
    NestedZip { part: String },
    #[error("the Word document unzips to more than {limit} bytes, over the limit (a zip bomb?)")]
    ZipBomb {
        #[ts(type = "number")]
        limit: u64,
    },
    #[error("the Word document's zip archive has {entries} entries, over the limit of {max}")]
    TooManyZipEntries { entries: usize, max: usize },
    #[error("this is an Excel workbook (.xlsx), not a Word document")]
    ExcelWorkbook,
    #[error("this is a PowerPoint presentation (.pptx), not a Word document")]
    PowerPoint,
    #[error("this is an OpenDocument text (.odt), not a Word document: save it as .docx first")]
    OpenDocumentText,
    #[error("this is a {mime} package, not a Word document")]
    OtherPackage { mime: String },
    #[error("not a Word document: a zip archive holding {inner}; unzip it and import the files inside")]
    ZipOfDocuments { inner: String },
    #[error("not a Word document: the Office package has no word/document.xml")]
    OfficeWithoutDocument,
    #[error("not a Word document: a plain zip archive with no word/document.xml")]
    PlainZip,

    // The library's contents.
    #[error("no article with id {id}")]
    ArticleNotFound {
        #[ts(type = "number")]
        id: i64,
    },
    #[error("no fact with id {id}")]
    FactNotFound {
        #[ts(type = "number")]
        id: i64,
    },
    #[error("no annotation with id {id}")]
    AnnotationNotFound {
        #[ts(type = "number")]
        id: i64,
    },
    #[error("no entity with id {id}")]
    EntityNotFound {
        #[ts(type = "number")]
        id: i64,
    },
    #[error("no tag with id {id}")]
    TagNotFound {
        #[ts(type = "number")]
        id: i64,
    },
    #[error("no collection with id {id}")]
    CollectionNotFound {
        #[ts(type = "number")]
        id: i64,
    },
    #[error("no collection named \"{name}\"")]
    NoCollectionNamed { name: String },
    #[error("no tag named \"{name}\"")]
    NoTagNamed { name: String },
    #[error("no entity named \"{name}\"")]
    NoEntityNamed { name: String },

    // Names.
    #[error("an entity needs a name")]
    EntityNameMissing,
    #[error("an entity named \"{name}\" already exists")]
    EntityNameTaken { name: String },
    #[error("\"{alias}\" is already a name of \"{name}\"; merge the two entities instead")]
    AliasTaken { alias: String, name: String },
    #[error("an entity cannot be merged into itself")]
    MergeIntoItself,
    #[error("a tag needs a name")]
    TagNameMissing,
    #[error("a tag named \"{name}\" already exists")]
    TagNameTaken { name: String },
    #[error("a collection needs a name")]
    CollectionNameMissing,
    #[error("a collection named \"{name}\" already exists")]
    CollectionNameTaken { name: String },

    // Facts, notes and search.
    #[error("a fact needs a subject")]
    SubjectMissing,
    /// `status` is the fact status given, by its stored name.
    #[error("\"{status}\" is not a review; use confirmed or rejected")]
    NotAReview { status: String },
    #[error("an article's text cannot be empty")]
    ArticleTextEmpty,
    #[error("another article in the library already has this text")]
    TextOfAnotherArticle,
    #[error("the value {low}..{high} is not a range")]
    NotARange { low: f64, high: f64 },
    #[error("\"{text}\" is not a date; use 2025, 2025-02 or 2025-02-14")]
    NotADate { text: String },
    #[error("\"{text}\" is not a date; use the form 2025-02-14")]
    NotADay { text: String },
    #[error("selection {start}..{end} is empty or outside the text (0..{length})")]
    SelectionOutside { start: usize, end: usize, length: usize },
    #[error("the selection holds no figure to make a fact of; select the number")]
    NoFigureSelected,
    #[error("\"{colour}\" is not a colour; use a name such as yellow or #ffd54f")]
    NotAColour { colour: String },
    #[error("nothing to search for: type a word or some characters")]
    NothingToSearch,
    #[error("the search query is too long ({length} characters; at most {max})")]
    QueryTooLong { length: usize, max: usize },
    #[error("the search query has {terms} terms; search for at most {max}")]
    TooManyTerms { terms: usize, max: usize },

    // Reports, backups, settings.
    #[error("this build of Dossier has no PDF export (feature \"pdf\")")]
    NoPdfExport,
    /// `help` says, in English, where this system keeps fonts and how to add one.
    #[error("{help}")]
    NoChineseFont { help: String },
    #[error("the font {path} could not be read: {detail}")]
    FontUnreadable { path: String, detail: String },
    #[error("{path} already exists; choose another name")]
    BackupExists { path: String },
    #[error("cannot create folder {path}: {detail}")]
    CannotCreateFolder { path: String, detail: String },
    #[error("cannot write {path}: {detail}")]
    CannotWrite { path: String, detail: String },
    #[error("cannot keep the interface language: {detail}")]
    LanguageNotKept { detail: String },

    // The library file.
    #[error(
        "this library was written by a newer version of Dossier (schema {found}; this version knows up to {known}); update Dossier to open it"
    )]
    NewerLibrary {
        #[ts(type = "number")]
        found: i64,
        #[ts(type = "number")]
        known: i64,
    },
    #[error("the library is busy (another Dossier is writing); try again")]
    LibraryBusy,
    #[error("no library at {path}")]
    NoLibrary { path: String },
    #[error("cannot open {path}: {detail}")]
    LibraryUnopenable { path: String, detail: String },
    /// SQLite refused a write, with no more said: the library opened read-only
    /// knows why (`Library::explain`).
    #[error("the library is read-only")]
    LibraryReadOnly,
    #[error("the library is read-only: {path} is not writable")]
    LibraryFileNotWritable { path: String },
    #[error("the library is read-only: its folder {folder} is not writable")]
    LibraryFolderNotWritable { folder: String },
    /// `why` is the reason the library is read-only.
    #[error(
        "{why}; its schema ({found}) is older than this version's ({known}), so it must be opened writable once to be upgraded"
    )]
    OlderLibraryReadOnly {
        why: Box<Reason>,
        #[ts(type = "number")]
        found: i64,
        #[ts(type = "number")]
        known: i64,
    },
    /// `detail` is SQLite's word for the damage.
    #[error("the library is damaged ({detail})")]
    LibraryDamaged { detail: String },
    #[error(
        "the library is damaged ({detail}), so it is open read-only; to restore the newest backup, close Dossier and copy {backup} over {library}, deleting {library}-wal and {library}-shm"
    )]
    DamagedReadOnly { detail: String, library: String, backup: String },
    #[error("the library is damaged ({detail}), so it is open read-only; it has no backup in {backups}")]
    DamagedReadOnlyNoBackup { detail: String, backups: String },
    #[error(
        "the library is damaged ({detail}); to restore the newest backup, close Dossier and copy {backup} over {library}, deleting {library}-wal and {library}-shm"
    )]
    DamagedUnreadable { detail: String, library: String, backup: String },
    #[error("the library is damaged ({detail}); it has no backup in {backups}")]
    DamagedUnreadableNoBackup { detail: String, backups: String },
}

impl Reason {
    pub fn kind(&self) -> ErrorKind {
        use Reason::*;
        match self {
            NoSuchFile { .. }
            | NoPermission { .. }
            | CannotRead { .. }
            | CannotCreateFolder { .. }
            | CannotWrite { .. }
            | LanguageNotKept { .. }
            | LibraryUnopenable { .. } => ErrorKind::Io,
            FileTooLarge { .. }
            | ReadingTooSlow { .. }
            | HtmlTooManyElements { .. }
            | HtmlTooDeep { .. }
            | PdfTooManyPages { .. }
            | ZipBomb { .. }
            | TooManyZipEntries { .. } => ErrorKind::TooLarge,
            UnsupportedType { .. }
            | WordPasswordProtected
            | OldOffice
            | Rtf
            | PdfEncrypted
            | PdfScanned
            | PdfNoText
            | DocxZipUnsupported { .. }
            | DocxPartUnsupported { .. }
            | DocxCompression { .. }
            | NestedZip { .. }
            | ExcelWorkbook
            | PowerPoint
            | OpenDocumentText
            | OtherPackage { .. }
            | NoPdfExport
            | NoChineseFont { .. }
            | FontUnreadable { .. }
            | SkippedSpecialFile
            | SkippedLinkToNothing
            | SkippedLinkOutside
            | SkippedLinkToFolder => ErrorKind::Unsupported,
            ArticleNotFound { .. }
            | FactNotFound { .. }
            | AnnotationNotFound { .. }
            | EntityNotFound { .. }
            | TagNotFound { .. }
            | CollectionNotFound { .. }
            | NoCollectionNamed { .. }
            | NoTagNamed { .. }
            | NoEntityNamed { .. }
            | NoLibrary { .. } => ErrorKind::NotFound,
            NewerLibrary { .. } => ErrorKind::NewerDatabase,
            LibraryBusy => ErrorKind::Busy,
            LibraryReadOnly
            | LibraryFileNotWritable { .. }
            | LibraryFolderNotWritable { .. }
            | OlderLibraryReadOnly { .. } => ErrorKind::ReadOnly,
            LibraryDamaged { .. }
            | DamagedReadOnly { .. }
            | DamagedReadOnlyNoBackup { .. }
            | DamagedUnreadable { .. }
            | DamagedUnreadableNoBackup { .. } => ErrorKind::Damaged,
            NotAFile { .. }
            | EmptyFile
            | NotPdf
            | NotDocx
            | Binary { .. }
            | NulBytes { .. }
            | ControlBytes { .. }
            | OnlyControlCharacters
            | OnlyWhitespace
            | NoText
            | BadByteOrderMark { .. }
            | UnknownEncoding { .. }
            | ReaderFailed { .. }
            | HtmlUnreadable { .. }
            | HtmlNoText
            | PdfTruncated
            | PdfDamaged { .. }
            | PdfCutShort
            | PdfPagesUncountable { .. }
            | PdfNoPages
            | PdfPageUnreadable { .. }
            | DocxBadXml { .. }
            | DocxZipDamaged { .. }
            | DocxPartDamaged { .. }
            | DocxPartNotUtf8 { .. }
            | ZipOfDocuments { .. }
            | OfficeWithoutDocument
            | PlainZip
            | EntityNameMissing
            | EntityNameTaken { .. }
            | AliasTaken { .. }
            | MergeIntoItself
            | TagNameMissing
            | TagNameTaken { .. }
            | CollectionNameMissing
            | CollectionNameTaken { .. }
            | SubjectMissing
            | NotAReview { .. }
            | ArticleTextEmpty
            | TextOfAnotherArticle
            | NotARange { .. }
            | NotADate { .. }
            | NotADay { .. }
            | SelectionOutside { .. }
            | NoFigureSelected
            | NotAColour { .. }
            | NothingToSearch
            | QueryTooLong { .. }
            | TooManyTerms { .. }
            | BackupExists { .. } => ErrorKind::InvalidInput,
        }
    }
}
