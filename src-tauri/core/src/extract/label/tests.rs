use super::train::{evaluate, train, Example, Options, Span};
use super::*;

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Texts and names of our own writing, for the trainer's determinism.
fn tiny_set() -> Vec<Example> {
    let rows: &[(&str, &[(&str, NameKind)])] = &[
        ("芯片创企Groq获得15亿美元投资。", &[("Groq", NameKind::Company)]),
        ("星河智算科技有限公司完成2亿元A轮融资。", &[("星河智算科技有限公司", NameKind::Company)]),
        (
            "本轮融资由红杉中国领投，高瓴资本跟投。",
            &[("红杉中国", NameKind::Company), ("高瓴资本", NameKind::Company)],
        ),
        (
            "创始人兼首席执行官王立峰表示，资金将用于研发。",
            &[("首席执行官", NameKind::Position), ("王立峰", NameKind::Person)],
        ),
        (
            "北京市海淀区的智源研究院发布了新模型。",
            &[("北京市海淀区", NameKind::Place), ("智源研究院", NameKind::Organisation)],
        ),
        (
            "中国证监会批准了云帆数据的上市申请。",
            &[("中国证监会", NameKind::Organisation), ("云帆数据", NameKind::Company)],
        ),
        (
            "据彭博社报道，Positron正在洽谈新一轮融资。",
            &[("彭博社", NameKind::Company), ("Positron", NameKind::Company)],
        ),
        (
            "董事长李慧敏在深圳出席了发布会。",
            &[("董事长", NameKind::Position), ("李慧敏", NameKind::Person), ("深圳", NameKind::Place)],
        ),
        (
            "游戏《星海远征》由青岛蓝鲸互娱开发。",
            &[("《星海远征》", NameKind::Work), ("青岛蓝鲸互娱", NameKind::Company)],
        ),
        (
            "上海市人民政府与启明创投签署合作协议。",
            &[("上海市人民政府", NameKind::Organisation), ("启明创投", NameKind::Company)],
        ),
        (
            "分析师陈晓东认为，行业估值仍将上升。",
            &[("分析师", NameKind::Position), ("陈晓东", NameKind::Person)],
        ),
        ("这家公司今年的营收增长了三成。", &[]),
    ];
    rows.iter()
        .map(|(text, names)| {
            let t = chars(text);
            let names = names
                .iter()
                .map(|(n, kind)| {
                    let start = text.find(n).map(|b| text[..b].chars().count()).expect("name in its text");
                    Span { start, end: start + n.chars().count(), kind: *kind }
                })
                .collect();
            Example { text: t, names, partial: false }
        })
        .collect()
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

const TINY: Options = Options { epochs: 8, confidence: (0.5, -1.0) };

#[test]
fn training_is_deterministic_and_its_output_is_pinned() {
    let set = tiny_set();
    let first = train(&set, &TINY);
    let second = train(&set, &TINY);
    assert!(first == second, "two trainings on the same examples gave different models");
    // Any change to units, features, the trainer or the file format changes this digest;
    // then the shipped model must be retrained (README.md beside this file says how).
    assert_eq!(sha256(&first), "f88a663622f32939bad0f35037f429bbce1a299248fd668e55bc63de00cc32ba");
}

#[test]
fn a_model_learns_its_training_names() {
    let set = tiny_set();
    let model = Labeller::from_bytes(&train(&set, &TINY)).unwrap();
    let kinds = NameKind::ALL;
    let total =
        evaluate(&model, &set, &kinds).iter().fold((0, 0), |(g, r), (_, c)| (g + c.gold, r + c.right));
    assert!(total.1 * 10 >= total.0 * 9, "found {} of {} training names", total.1, total.0);
}

#[test]
fn bad_model_files_are_refused_with_a_reason() {
    let good = train(&tiny_set(), &TINY);
    assert!(Labeller::from_bytes(&good).is_ok());
    let err = |b: &[u8]| Labeller::from_bytes(b).err().expect("must be refused");
    assert!(err(b"").contains("truncated"));
    assert!(err(b"NOTAMODEL and more bytes").contains("magic"));
    assert!(err(&good[..good.len() - 1]).contains("truncated"));
    let mut longer = good.clone();
    longer.push(0);
    assert!(err(&longer).contains("after its last table"));
}

#[test]
fn the_shipped_model_loads() {
    let m = builtin();
    let rows = m.rows();
    assert!(rows.iter().all(|&r| r > 0), "{rows:?}");
    // The shipped model is the one README.md beside this file describes (and the
    // training program's `--check` reproduces).
    assert_eq!(model_digest(), "3a146fb94a416cb8697142398b4405683d80fe1ada8a7c479f9ef9bfc580a1c9");
    assert!(MODEL.len() < 20 << 20);
}

/// The names the shipped model finds in `text`, as (name, kind).
fn found(text: &str) -> Vec<(String, NameKind)> {
    let t = chars(text);
    names(&t, 0, t.len()).iter().map(|n| (t[n.start..n.end].iter().collect(), n.kind)).collect()
}

fn has(text: &str, name: &str, kind: NameKind) {
    let got = found(text);
    assert!(
        got.iter().any(|(n, k)| n == name && *k == kind),
        "{name} ({kind:?}) not found in {text}: {got:?}"
    );
}

#[test]
fn latin_names_inside_chinese_text_are_companies() {
    has("AI芯片创企Groq获得15亿美元投资。", "Groq", NameKind::Company);
    has("韩国芯片公司FuriosaAI完成1700亿韩元融资。", "FuriosaAI", NameKind::Company);
    has(
        "Positron完成2350万美元融资，由Valor Equity Partners领投。",
        "Valor Equity Partners",
        NameKind::Company,
    );
}

#[test]
fn legal_names_and_their_short_forms_are_companies() {
    let text = "青岛慧拓智能机器有限公司（以下简称“慧拓智能”）完成新一轮融资。";
    has(text, "青岛慧拓智能机器有限公司", NameKind::Company);
    has(text, "慧拓智能", NameKind::Company);
    has("恩智浦宣布以3.07亿美元收购一家AI芯片企业。", "恩智浦", NameKind::Company);
}

#[test]
fn people_places_titles_and_regulators_are_told_apart() {
    let text = "创始人兼CEO李明远在香港出席了发布会。";
    has(text, "李明远", NameKind::Person);
    has(text, "香港", NameKind::Place);
    has(text, "CEO", NameKind::Position);
    has("这家位于深圳的公司去年营收达到30亿元。", "深圳", NameKind::Place);
    has("中国证监会近日批准了该公司的上市申请。", "中国证监会", NameKind::Organisation);
    // A place is never a company.
    assert!(!found("这家位于深圳的公司去年营收达到30亿元。").iter().any(|(_, k)| *k == NameKind::Company));
}

#[test]
fn phrases_about_companies_are_no_names() {
    for text in ["其中四家公司估值均已超过200亿元。", "这家公司今年的营收增长了三成。"]
    {
        let got = found(text);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn decoding_is_deterministic_and_keeps_to_its_range() {
    let text = chars("创始人兼CEO李明远在香港出席了发布会。AI芯片创企Groq获得15亿美元投资。");
    let whole = names(&text, 0, text.len());
    assert_eq!(whole, names(&text, 0, text.len()));
    let other_thread = {
        let t = text.clone();
        std::thread::spawn(move || names(&t, 0, t.len())).join().unwrap()
    };
    assert_eq!(whole, other_thread);
    // The second sentence alone: offsets stay those of the whole text.
    let from = text.iter().position(|&c| c == '。').unwrap() + 1;
    let second = names(&text, from, text.len());
    assert!(second.iter().all(|n| n.start >= from));
    assert!(second.iter().any(|n| text[n.start..n.end].iter().collect::<String>() == "Groq"));
    assert!(whole.iter().all(|n| (0.0..=1.0).contains(&n.score) && n.start < n.end));
    // Nothing to label: empty, English-only, beyond the end.
    assert!(names(&text, 5, 5).is_empty());
    assert!(names(&chars("Groq raised $1.5 billion."), 0, 25).is_empty());
    assert!(names(&text, text.len(), text.len() + 10).is_empty());
}
