//! Annotations in the library: create, edit, delete, tags, undo and redo across
//! restarts, and re-anchoring when an article's text is replaced.

use dossier_core::import::Limits;
use dossier_core::ingest;
use dossier_core::store::annotations::{self, AnchorState, AnnotationEdit, AnnotationFilter, NewAnnotation};
use dossier_core::store::annotations::{redo, undo};
use dossier_core::store::articles::{self, ArticleFilter, SortOrder};
use dossier_core::store::tags;
use dossier_core::{Create, ErrorKind, Library};

const ZHIPU: &str = "智谱完成新一轮融资\n\n本报记者 林晓舟 上海报道\n\n\
    2024年12月，智谱AI宣布完成新一轮30亿元人民币融资，投后估值超过200亿元。\n\n\
    同月，阶跃星辰也完成了数亿美元的B轮融资。";
const CHIPS: &str = "AI芯片市场规模继续扩大\n\n据测算，2023年中国AI芯片市场规模达到1206亿元，同比增长41.9%。";

fn at(text: &str, quote: &str) -> (usize, usize) {
    let start = text[..text.find(quote).unwrap()].chars().count();
    (start, start + quote.chars().count())
}

fn open(dir: &tempfile::TempDir) -> Library {
    Library::open(&dir.path().join("library.sqlite"), Create::IfMissing).unwrap()
}

fn add(library: &mut Library, name: &str, text: &str) -> i64 {
    ingest::import_bytes(library, text.as_bytes(), name, &Limits::default()).unwrap().article_id
}

fn highlight(
    library: &Library,
    article_id: i64,
    text: &str,
    quote: &str,
    tags: &[&str],
) -> annotations::Annotation {
    let (start, end) = at(text, quote);
    annotations::create(
        library.conn(),
        &NewAnnotation {
            article_id,
            start,
            end,
            colour: Some("#ffd54f".into()),
            comment: "**check** against the filing".into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        },
    )
    .unwrap()
}

#[test]
fn annotations_are_created_edited_listed_and_overlap() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = open(&dir);
    let id = add(&mut library, "zhipu.txt", ZHIPU);
    let a = highlight(&library, id, ZHIPU, "30亿元人民币融资", &["融资", "待核实"]);
    assert_eq!(a.selector.quote.exact, "30亿元人民币融资");
    assert!(a.selector.quote.prefix.ends_with("宣布完成新一轮"));
    assert_eq!(a.tags, vec!["待核实", "融资"]);
    // Overlapping highlights are allowed.
    let b = highlight(&library, id, ZHIPU, "融资，投后估值超过200亿元", &[]);
    let c = highlight(&library, id, ZHIPU, "智谱AI", &[]);
    let listed =
        annotations::list(library.conn(), &AnnotationFilter { article_id: Some(id), tag: None }).unwrap();
    assert_eq!(listed.iter().map(|x| x.id).collect::<Vec<_>>(), vec![c.id, a.id, b.id], "in text order");

    let edited = annotations::update(
        library.conn(),
        b.id,
        &AnnotationEdit {
            colour: Some("green".into()),
            comment: Some("估值口径".into()),
            tags: Some(vec!["估值".into()]),
        },
    )
    .unwrap();
    assert_eq!((edited.colour.as_str(), edited.comment.as_str()), ("green", "估值口径"));
    assert_eq!(edited.tags, vec!["估值"]);
    let bad = AnnotationEdit { colour: Some("red\" onclick=\"x".into()), ..Default::default() };
    assert_eq!(annotations::update(library.conn(), b.id, &bad).unwrap_err().kind, ErrorKind::InvalidInput);
    let outside = NewAnnotation { article_id: id, start: 5, end: 5_000, ..Default::default() };
    assert_eq!(annotations::create(library.conn(), &outside).unwrap_err().kind, ErrorKind::InvalidInput);
    let nowhere = NewAnnotation { article_id: 99, start: 0, end: 1, ..Default::default() };
    assert_eq!(annotations::create(library.conn(), &nowhere).unwrap_err().kind, ErrorKind::NotFound);
    assert_eq!(library.check(), Vec::<String>::new());
}

#[test]
fn tags_are_managed_counted_and_filter_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = open(&dir);
    let zhipu = add(&mut library, "zhipu.txt", ZHIPU);
    let chips = add(&mut library, "chips.txt", CHIPS);
    highlight(&library, zhipu, ZHIPU, "30亿元", &["融资"]);
    highlight(&library, zhipu, ZHIPU, "数亿美元", &["融资"]);
    highlight(&library, chips, CHIPS, "1206亿元", &["市场规模"]);
    let conn = library.conn();
    let all = tags::list(conn).unwrap();
    let funding = all.iter().find(|t| t.name == "融资").unwrap();
    assert_eq!((funding.annotation_count, funding.article_count), (2, 1));

    let only = |tag| {
        let filter = ArticleFilter { tag: Some(tag), ..Default::default() };
        articles::list(conn, &filter, SortOrder::Published, 10, 0)
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(only(funding.id), vec![zhipu]);
    let size = tags::find(conn, "市场规模").unwrap().unwrap();
    assert_eq!(only(size), vec![chips]);
    let filter = ArticleFilter { tag: Some(size), ..Default::default() };
    assert_eq!(articles::count(conn, &filter).unwrap(), 1);

    tags::rename(conn, funding.id, "一级市场融资").unwrap();
    assert_eq!(tags::rename(conn, funding.id, "市场规模").unwrap_err().kind, ErrorKind::InvalidInput);
    let list =
        annotations::list(conn, &AnnotationFilter { tag: Some(funding.id), article_id: None }).unwrap();
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|a| a.tags == vec!["一级市场融资"]));
    tags::delete(conn, funding.id).unwrap();
    assert_eq!(only(funding.id), Vec::<i64>::new());
    assert_eq!(tags::list(conn).unwrap().len(), 1);
    assert_eq!(tags::create(conn, " ").unwrap_err().kind, ErrorKind::InvalidInput);
}

#[test]
fn undo_and_redo_survive_a_restart_and_bring_back_a_deleted_annotation() {
    let dir = tempfile::tempdir().unwrap();
    let (id, first) = {
        let mut library = open(&dir);
        let id = add(&mut library, "zhipu.txt", ZHIPU);
        let first = highlight(&library, id, ZHIPU, "200亿元", &["估值"]);
        annotations::update(
            library.conn(),
            first.id,
            &AnnotationEdit { comment: Some("投后".into()), ..Default::default() },
        )
        .unwrap();
        annotations::delete(library.conn(), first.id).unwrap();
        (id, first)
    };
    // A restart: the history is in the file.
    let library = open(&dir);
    let conn = library.conn();
    let list = |conn: &rusqlite::Connection| {
        annotations::list(conn, &AnnotationFilter { article_id: Some(id), tag: None }).unwrap()
    };
    assert!(list(conn).is_empty());

    let back = undo(conn).unwrap().unwrap().annotation.expect("the deleted annotation is back");
    assert_eq!((back.id, back.comment.as_str()), (first.id, "投后"));
    assert_eq!(back.tags, vec!["估值"]);
    assert_eq!(back.selector, first.selector);
    let earlier = undo(conn).unwrap().unwrap().annotation.unwrap();
    assert_eq!(earlier.comment, first.comment);
    assert!(undo(conn).unwrap().unwrap().annotation.is_none(), "undoing the creation removes it");
    assert!(undo(conn).unwrap().is_none(), "nothing left to undo");
    assert!(list(conn).is_empty());

    drop(library);
    let library = open(&dir);
    let conn = library.conn();
    assert_eq!(redo(conn).unwrap().unwrap().annotation.unwrap().comment, first.comment);
    assert_eq!(redo(conn).unwrap().unwrap().annotation.unwrap().comment, "投后");
    // A new edit after an undo drops the steps that could have been redone.
    undo(conn).unwrap();
    annotations::update(
        conn,
        first.id,
        &AnnotationEdit { colour: Some("blue".into()), ..Default::default() },
    )
    .unwrap();
    assert!(redo(conn).unwrap().is_none());
    assert_eq!(list(conn)[0].colour, "blue");
    assert_eq!(list(conn)[0].comment, first.comment);
    assert_eq!(library.check(), Vec::<String>::new());
}

#[test]
fn replacing_an_articles_text_re_anchors_its_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = open(&dir);
    let id = add(&mut library, "zhipu.txt", ZHIPU);
    let moved = highlight(&library, id, ZHIPU, "投后估值超过200亿元", &[]);
    let lost = highlight(&library, id, ZHIPU, "数亿美元的B轮融资", &[]);
    let kept = highlight(&library, id, ZHIPU, "智谱完成新一轮融资", &[]);
    // A better importer found a subtitle, and the last paragraph was a fragment of another page.
    let better = ZHIPU
        .replace("本报记者", "大模型公司估值走高\n\n本报记者")
        .replace("同月，阶跃星辰也完成了数亿美元的B轮融资。", "（下转第5版）");
    let report = ingest::replace_text(&mut library, id, &better).unwrap();
    assert_eq!((report.kept, report.moved, report.orphaned), (1, 1, 1));
    let get = |a: i64| annotations::get(library.conn(), a).unwrap();
    assert_eq!(get(kept.id).selector.position, kept.selector.position);
    let m = get(moved.id);
    assert_eq!(m.state, AnchorState::Anchored);
    assert_eq!(m.selector.position.start, at(&better, "投后估值超过200亿元").0);
    assert_eq!(get(lost.id).state, AnchorState::Orphaned);
    assert_eq!(get(lost.id).selector, lost.selector, "an orphan keeps its quote");
    assert_eq!(library.check(), Vec::<String>::new());
    let hits = dossier_core::search::search(
        library.conn(),
        &dossier_core::search::SearchQuery { text: "估值走高".into(), limit: 5, ..Default::default() },
    )
    .unwrap();
    assert_eq!(hits.len(), 1, "the search index follows the new text");
    // An undo after the change places the snapshot in the new text too.
    annotations::delete(library.conn(), moved.id).unwrap();
    let back = undo(library.conn()).unwrap().unwrap().annotation.unwrap();
    assert_eq!(back.selector.position, m.selector.position);
    assert_eq!(library.check(), Vec::<String>::new());
}
