//! Fact review (confirm, reject, edit, a fact from a selection) and entities (seeded
//! from extraction, renamed, aliased, merged).

use dossier_core::import::Limits;
use dossier_core::ingest;
use dossier_core::operations::review;
use dossier_core::store::entities;
use dossier_core::store::facts::{self, FactEdit, FactFilter, FactRow};
use dossier_core::{Create, EntityKind, ErrorKind, FactStatus, Library, Metric, Qualifier, Reason};

const ZHIPU: &str = "智谱完成新一轮融资\n\n本报记者 林晓舟 上海报道\n\n\
    2024年12月，智谱AI宣布完成新一轮30亿元人民币融资，投后估值超过200亿元。\n\n\
    据测算，2023年中国AI芯片市场规模达到1206亿元，同比增长41.9%。";
const LATER: &str = "大模型公司再获融资\n\n2025年3月，智谱AI再获10亿元人民币战略融资。";

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("library.sqlite"), Create::IfMissing).unwrap();
    (dir, library)
}

fn add(library: &mut Library, name: &str, text: &str) -> i64 {
    ingest::import_bytes(library, text.as_bytes(), name, &Limits::default()).unwrap().article_id
}

fn of(library: &Library, article: i64) -> Vec<FactRow> {
    let filter = FactFilter { article_id: Some(article), include_rejected: true, ..Default::default() };
    facts::list(library.conn(), &filter).unwrap()
}

fn at(text: &str, quote: &str) -> (usize, usize) {
    let start = text[..text.find(quote).unwrap()].chars().count();
    (start, start + quote.chars().count())
}

#[test]
fn facts_are_confirmed_rejected_and_edited_and_reextraction_keeps_the_edit() {
    let (_dir, mut library) = library();
    let id = add(&mut library, "zhipu.txt", ZHIPU);
    let all = of(&library, id);
    let funding = all.iter().find(|f| f.metric == Metric::Funding).expect("a funding fact");
    let growth = all.iter().find(|f| f.metric == Metric::Growth).expect("a growth fact");
    let size = all.iter().find(|f| f.metric == Metric::MarketSize).expect("a market size fact");
    let conn = library.conn();

    assert_eq!(facts::confirm(conn, size.id).unwrap().status, FactStatus::Confirmed);
    assert_eq!(facts::reject(conn, growth.id).unwrap().status, FactStatus::Rejected);
    let edit = FactEdit {
        subject: Some("智谱华章".into()),
        low: Some(3.0e9),
        high: Some(3.2e9),
        qualifier: Some(Qualifier::Range),
        date: Some("2024-12-20".into()),
        round: Some("战略融资".into()),
        investors: Some(vec!["上海国投".into(), " ".into()]),
        ..Default::default()
    };
    let edited = review::edit_fact(conn, funding.id, &edit).unwrap();
    assert_eq!(edited.status, FactStatus::Edited);
    assert_eq!((edited.subject.as_str(), edited.low, edited.high), ("智谱华章", 3.0e9, 3.2e9));
    assert_eq!((edited.date.as_deref(), edited.round.as_deref()), (Some("2024-12-20"), Some("战略融资")));
    assert_eq!(edited.investors, vec!["上海国投"]);
    assert_eq!(edited.value_text, funding.value_text, "the quoted text is the article's");
    // Clearing and bad values.
    let cleared = review::edit_fact(
        conn,
        size.id,
        &FactEdit { date: Some(String::new()), metric: Some(Metric::Revenue), ..Default::default() },
    )
    .unwrap();
    assert_eq!((cleared.date.as_deref(), cleared.metric), (None, Metric::Revenue));
    for bad in [
        FactEdit { low: Some(5.0), high: Some(1.0), ..Default::default() },
        FactEdit { low: Some(f64::NAN), ..Default::default() },
        FactEdit { date: Some("2024-13".into()), ..Default::default() },
        FactEdit { date: Some("soon".into()), ..Default::default() },
        FactEdit { subject: Some("  ".into()), ..Default::default() },
    ] {
        assert_eq!(
            review::edit_fact(conn, size.id, &bad).unwrap_err().kind,
            ErrorKind::InvalidInput,
            "{bad:?}"
        );
    }
    assert_eq!(facts::confirm(conn, 9_999).unwrap_err().kind, ErrorKind::NotFound);

    let before = of(&library, id);
    assert_eq!(ingest::reextract(&mut library, true, &mut |_, _| {}).unwrap(), 1);
    let after = of(&library, id);
    for reviewed in before.iter().filter(|f| f.status != FactStatus::Extracted) {
        assert_eq!(after.iter().find(|f| f.id == reviewed.id), Some(reviewed), "changed by re-extraction");
    }
    assert_eq!(after.len(), before.len(), "nothing duplicated or lost: {after:#?}");
    assert!(!facts::list(library.conn(), &FactFilter::default()).unwrap().iter().any(|f| f.id == growth.id));
}

#[test]
fn a_fact_is_made_from_a_selection_with_the_extractors_reading() {
    let (_dir, mut library) = library();
    let text = "芯片公司融资\n\n2024年12月，摩尔线程的员工人数超过1000人。";
    let id = add(&mut library, "chips.txt", text);
    let (start, end) = at(text, "1000人");
    let made = ingest::fact_from_selection(&mut library, id, start, end).unwrap();
    assert_eq!(made.status, FactStatus::Edited, "made by a user, so kept on re-extraction");
    // The extractor reads the figure with its hedge, just before the selection.
    assert_eq!((made.low, made.value_text.as_str()), (1000.0, "超过1000人"));
    assert_eq!(made.subject, "摩尔线程");
    assert_eq!(made.date.as_deref(), Some("2024-12"));
    assert!(made.quote.contains("员工人数超过1000人"), "{}", made.quote);
    let (start, end) = at(text, "员工人数");
    let error = ingest::fact_from_selection(&mut library, id, start, end).unwrap_err();
    assert_eq!(error.kind, ErrorKind::InvalidInput);
    let error = ingest::fact_from_selection(&mut library, id, 3, 3).unwrap_err();
    assert_eq!(error.kind, ErrorKind::InvalidInput);
}

#[test]
fn a_figure_that_is_a_fact_gets_a_second_one_which_reextraction_keeps_beside_the_first() {
    let (_dir, mut library) = library();
    let id = add(&mut library, "zhipu.txt", ZHIPU);
    let (start, end) = at(ZHIPU, "1206亿元");
    let first = of(&library, id).into_iter().find(|f| f.start == start as i64).expect("the extractor's fact");
    // One figure, two subjects: the user makes a second fact and corrects its subject.
    let second = ingest::fact_from_selection(&mut library, id, start, end).unwrap();
    assert_ne!(second.id, first.id);
    assert_eq!((second.start, second.end, second.metric), (first.start, first.end, first.metric));
    assert_eq!(second.status, FactStatus::Edited);
    let edit = FactEdit { subject: Some("中国AI服务器".into()), ..Default::default() };
    review::edit_fact(library.conn(), second.id, &edit).unwrap();

    let on_figure = |library: &Library| {
        let mut found: Vec<(String, FactStatus)> = of(library, id)
            .into_iter()
            .filter(|f| f.start == start as i64)
            .map(|f| (f.subject, f.status))
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        found
    };
    let before = on_figure(&library);
    assert_eq!(
        before,
        [("中国AI服务器".to_owned(), FactStatus::Edited), (first.subject.clone(), FactStatus::Extracted)]
    );
    assert_eq!(ingest::reextract(&mut library, true, &mut |_, _| {}).unwrap(), 1);
    assert_eq!(on_figure(&library), before, "the extractor's fact stays beside the user's, once");

    // A fact the user edited is still not found again beside itself.
    let size = of(&library, id)
        .into_iter()
        .find(|f| f.start == start as i64 && f.status == FactStatus::Extracted)
        .unwrap();
    review::edit_fact(
        library.conn(),
        size.id,
        &FactEdit { metric: Some(Metric::Revenue), ..Default::default() },
    )
    .unwrap();
    ingest::reextract(&mut library, true, &mut |_, _| {}).unwrap();
    let statuses: Vec<FactStatus> = on_figure(&library).into_iter().map(|(_, s)| s).collect();
    assert_eq!(statuses, [FactStatus::Edited, FactStatus::Edited], "{:#?}", of(&library, id));
}

#[test]
fn a_refusal_says_why_in_a_form_any_language_can_word() {
    let (_dir, library) = library();
    let conn = library.conn();
    entities::add(conn, "寒武纪", EntityKind::Company).unwrap();
    let other = entities::add(conn, "摩尔线程", EntityKind::Company).unwrap();
    let error = entities::rename(conn, other, "寒武纪").unwrap_err();
    // As it crosses to the UI: the reason's code and values, the English sentence beside them.
    assert_eq!(
        serde_json::to_value(&error).unwrap(),
        serde_json::json!({
            "kind": "invalid_input",
            "message": "\"寒武纪\" is already a name of \"寒武纪\"; merge the two entities instead",
            "reason": {"code": "alias_taken", "alias": "寒武纪", "name": "寒武纪"},
        })
    );
    let error = entities::add(conn, " ", EntityKind::Company).unwrap_err();
    assert_eq!(error.reason, Some(Reason::EntityNameMissing));
    assert_eq!(error.kind, ErrorKind::InvalidInput);
}

#[test]
fn entities_are_seeded_renamed_aliased_and_merged_with_their_facts() {
    let (_dir, mut library) = library();
    let first = add(&mut library, "zhipu.txt", ZHIPU);
    let later = add(&mut library, "later.txt", LATER);
    let conn = library.conn();
    // A user corrected the later fact's subject to a name no entity has yet.
    let fact = of(&library, later)
        .into_iter()
        .find(|f| f.metric == Metric::Funding)
        .expect("the later funding fact");
    review::edit_fact(
        conn,
        fact.id,
        &FactEdit { subject: Some("智谱华章科技".into()), ..Default::default() },
    )
    .unwrap();

    let all = entities::list(conn).unwrap();
    let zhipu = all.iter().find(|e| e.name == "智谱").expect("seeded from the mentions");
    assert_eq!(zhipu.kind, EntityKind::Company);
    assert!(zhipu.aliases.contains(&"Zhipu AI".to_owned()), "registry aliases: {:?}", zhipu.aliases);
    assert!(zhipu.aliases.contains(&"智谱AI".to_owned()), "the article's spelling: {:?}", zhipu.aliases);
    let other = all.iter().find(|e| e.name == "智谱华章科技").expect("seeded from the edited subject");
    assert_eq!(other.fact_count, 1);
    let zhipu_facts = zhipu.fact_count;
    assert!(zhipu_facts >= 2, "{zhipu:?}");

    entities::merge(conn, other.id, zhipu.id).unwrap();
    assert_eq!(entities::get(conn, other.id).unwrap_err().kind, ErrorKind::NotFound);
    let merged = entities::get(conn, zhipu.id).unwrap();
    assert_eq!(merged.fact_count, zhipu_facts + 1);
    assert!(merged.aliases.contains(&"智谱华章科技".to_owned()));
    let listed = entities::facts(conn, zhipu.id).unwrap();
    assert_eq!(listed.len() as i64, merged.fact_count);
    assert_eq!(listed[0].id, fact.id, "newest first");
    assert_eq!(listed[0].entity.as_deref(), Some("智谱"));
    assert!(listed.iter().any(|f| f.article_id == first));
    let dates: Vec<_> = listed.iter().map(|f| f.date.clone().or(f.published.clone())).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    // `facts --entity` with any name of the entity finds them all.
    let by_alias = FactFilter { subject: Some("Zhipu AI".into()), ..Default::default() };
    assert_eq!(facts::list(conn, &by_alias).unwrap().len(), listed.len());

    entities::rename(conn, zhipu.id, "智谱AI").unwrap();
    entities::rename(conn, zhipu.id, "北京智谱").unwrap();
    let renamed = entities::get(conn, zhipu.id).unwrap();
    assert_eq!(renamed.name, "北京智谱");
    assert!(renamed.aliases.contains(&"智谱".to_owned()), "the old name stays a name");
    assert_eq!(renamed.fact_count, merged.fact_count);
    entities::add_alias(conn, zhipu.id, "GLM").unwrap();
    let kimi = entities::add(conn, "Moonshot 月之暗面科技", EntityKind::Company).unwrap();
    assert_eq!(entities::add_alias(conn, kimi, "GLM").unwrap_err().kind, ErrorKind::InvalidInput);
    assert_eq!(entities::add(conn, "GLM", EntityKind::Company).unwrap_err().kind, ErrorKind::InvalidInput);
    assert_eq!(entities::merge(conn, kimi, kimi).unwrap_err().kind, ErrorKind::InvalidInput);

    // Re-extraction rewrites mentions and unreviewed facts; the merge and rename hold.
    ingest::reextract(&mut library, true, &mut |_, _| {}).unwrap();
    let conn = library.conn();
    assert_eq!(entities::get(conn, zhipu.id).unwrap().fact_count, merged.fact_count);
    assert!(entities::list(conn).unwrap().iter().all(|e| e.name != "智谱"), "not seeded again");
    assert_eq!(library.check(), Vec::<String>::new());
}

/// A name no rule of the extractor's finds: no suffix, no apposition, no cue before it.
const UNKNOWN: &str =
    "用户数增长\n\n2025年1月，灵犀的月活跃用户数已突破500万。\n\n业内人士认为，这一增速在同类应用中居前。";

#[test]
fn the_users_entities_feed_the_next_extraction() {
    let (_dir, mut library) = library();
    let id = add(&mut library, "lingxi.txt", UNKNOWN);
    let before = of(&library, id);
    assert!(before.iter().all(|f| f.subject != "灵犀"), "the extractor found it alone: {before:#?}");
    let lingxi = entities::add(library.conn(), "灵犀", EntityKind::Company).unwrap();
    assert_eq!(entities::get(library.conn(), lingxi).unwrap().mention_count, 0);

    // The user's entity makes the article stale: a plain re-extraction reads it again, once.
    assert_eq!(ingest::reextract(&mut library, false, &mut |_, _| {}).unwrap(), 1);
    assert_eq!(ingest::reextract(&mut library, false, &mut |_, _| {}).unwrap(), 0);
    let found = entities::get(library.conn(), lingxi).unwrap();
    assert!(found.mention_count >= 1, "{found:?}");
    let users = of(&library, id).into_iter().find(|f| f.metric == Metric::Users).expect("the users fact");
    assert_eq!((users.subject.as_str(), users.entity_id), ("灵犀", Some(lingxi)));
    // A later import reads with it too.
    let later = add(&mut library, "later.txt", "灵犀再获融资\n\n2025年3月，灵犀完成2亿元融资。");
    assert!(of(&library, later).iter().any(|f| f.subject == "灵犀"), "{:#?}", of(&library, later));
}

#[test]
fn a_name_rejected_as_junk_is_no_entity_or_subject_again() {
    let (_dir, mut library) = library();
    let id = add(&mut library, "zhipu.txt", ZHIPU);
    let conn = library.conn();
    let market = entities::list(conn).unwrap().into_iter().find(|e| e.fact_count > 0 && e.name != "智谱");
    let market = market.expect("a second subject");
    entities::reject(conn, market.id).unwrap();
    assert_eq!(entities::get(conn, market.id).unwrap_err().kind, ErrorKind::NotFound);
    assert!(entities::rejected_names(conn).unwrap().contains(&market.name));
    let gone = |library: &Library| of(library, id).iter().all(|f| f.subject != market.name);
    assert!(gone(&library), "its unreviewed facts go with it");

    assert_eq!(
        ingest::reextract(&mut library, false, &mut |_, _| {}).unwrap(),
        1,
        "the rejection makes it stale"
    );
    assert!(gone(&library), "re-extraction made it a subject again: {:#?}", of(&library, id));
    let conn = library.conn();
    assert!(entities::list(conn).unwrap().iter().all(|e| e.name != market.name), "made an entity again");
    assert_eq!(library.check(), Vec::<String>::new());
    // Added by hand, the name is no longer rejected.
    entities::add(conn, &market.name, EntityKind::Company).unwrap();
    assert!(!entities::rejected_names(conn).unwrap().contains(&market.name));
}

#[test]
fn entities_nobody_needs_go_after_reextraction_and_the_rest_stay() {
    let (_dir, mut library) = library();
    let id = add(&mut library, "zhipu.txt", ZHIPU);
    let later = add(&mut library, "later.txt", LATER);
    let conn = library.conn();
    let kept_by_hand = entities::add(conn, "某研究机构", EntityKind::Organisation).unwrap();
    let reviewed = of(&library, later).into_iter().find(|f| f.metric == Metric::Funding).unwrap();
    facts::confirm(conn, reviewed.id).unwrap();
    let market = entities::list(conn).unwrap().into_iter().find(|e| e.name != "智谱" && e.mention_count > 0);
    let market = market.expect("an entity only the first article names");

    // The first article's text is repaired: the names in it are gone from the library.
    ingest::replace_text(&mut library, id, "更正\n\n本文撤回。").unwrap();
    ingest::replace_text(&mut library, later, "更正\n\n此文亦撤回。").unwrap();
    ingest::reextract(&mut library, true, &mut |_, _| {}).unwrap();
    let names: Vec<String> = entities::list(library.conn()).unwrap().into_iter().map(|e| e.name).collect();
    assert!(!names.contains(&market.name), "an entity nobody needs stays: {names:?}");
    assert!(names.contains(&"某研究机构".to_owned()), "a user's entity went: {names:?}");
    assert!(names.contains(&"智谱".to_owned()), "the subject of a reviewed fact went: {names:?}");
    assert!(entities::get(library.conn(), kept_by_hand).is_ok());
    assert_eq!(library.check(), Vec::<String>::new());
}
