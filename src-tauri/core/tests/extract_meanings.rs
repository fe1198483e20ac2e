//! What a figure means: the metric its words give it, the sign of a move, a loss written
//! as a negative profit. Sentences written for these tests.

use dossier_core::extract::{extract, Extraction, Fact};

/// (subject, metric, quantity text, low, high) of each fact.
fn rows(x: &Extraction) -> Vec<(&str, &str, &str, f64, f64)> {
    x.facts
        .iter()
        .map(|f| {
            (f.subject.as_str(), f.metric.as_str(), x.quantities[f.quantity].text.as_str(), f.low, f.high)
        })
        .collect()
}

/// The fact on the quantity written `text`.
fn fact_on<'a>(x: &'a Extraction, text: &str) -> &'a Fact {
    x.facts
        .iter()
        .find(|f| x.quantities[f.quantity].text == text)
        .unwrap_or_else(|| panic!("no fact on {text}: {:?}", rows(x)))
}

#[test]
fn a_negative_profit_is_a_loss_of_that_amount() {
    let x =
        extract("比亚迪2024年半年度报告显示，归属于上市公司股东的净利润-1,234,567.89元，同比下降12%。", None);
    let f = fact_on(&x, "-1,234,567.89元");
    assert_eq!((f.metric.as_str(), f.low, f.high), ("loss", 1_234_567.89, 1_234_567.89), "{:?}", rows(&x));
    // The quantity keeps the number as written.
    let q = &x.quantities[f.quantity];
    assert_eq!((q.low, q.high), (-1_234_567.89, -1_234_567.89));
    // A hyphen between two amounts is still a range, not a sign.
    let x = extract("比亚迪预计净利润3亿-5亿元。", None);
    assert!(x.quantities.iter().all(|q| q.low >= 0.0), "{:?}", x.quantities);
}

#[test]
fn a_fall_is_a_negative_change_and_a_rise_a_positive_one() {
    let x = extract("比亚迪营收3000亿元，同比下降9.5%，净利润同比增长3.2%。", None);
    assert_eq!((fact_on(&x, "9.5%").metric.as_str(), fact_on(&x, "9.5%").low), ("growth", -9.5));
    assert_eq!((fact_on(&x, "3.2%").metric.as_str(), fact_on(&x, "3.2%").low), ("growth", 3.2));
    // The verb may come after the figure.
    let x = extract("Shares of Tencent ended 4.25 per cent down on Friday.", None);
    let f = fact_on(&x, "4.25 per cent");
    assert_eq!((f.metric.as_str(), f.low), ("price_change", -4.25), "{:?}", rows(&x));
    let x = extract("Tencent reported a 21% jump in quarterly revenue.", None);
    assert_eq!(fact_on(&x, "21%").low, 21.0, "{:?}", rows(&x));
}

#[test]
fn a_move_verb_alone_makes_a_change() {
    // No metric word: the verb governing the figure makes it a move, the bare company
    // before it a share-price move, and 跌 a fall.
    let x = extract("恒指收市后，比亚迪（1211）跌1.5%，腾讯（0700）升2.25%。", None);
    assert!(rows(&x).contains(&("比亚迪", "price_change", "1.5%", -1.5, -1.5)), "{:?}", rows(&x));
    assert!(rows(&x).contains(&("腾讯", "price_change", "2.25%", 2.25, 2.25)), "{:?}", rows(&x));
    // A list of changes shares its verb: each is a fall.
    let x = extract("比亚迪的营收和利润分别下降4.5%、7.25%。", None);
    assert_eq!(fact_on(&x, "7.25%").low, -7.25, "{:?}", rows(&x));
}

#[test]
fn a_move_named_before_its_figure_is_the_figures_change() {
    // "a 21% jump in quarterly profit": the company is the subject, the profit moved.
    let x = extract("Tencent reported a 21% jump in quarterly profit on Wednesday.", None);
    assert_eq!(fact_on(&x, "21%").metric.as_str(), "growth", "{:?}", rows(&x));
}

#[test]
fn an_amount_restated_in_another_currency_is_one_fact() {
    let x = extract("比亚迪完成12亿美元（约合人民币86亿元）融资，由红杉中国领投。", None);
    let f = fact_on(&x, "12亿美元");
    assert_eq!(f.metric.as_str(), "funding", "{:?}", rows(&x));
    let also: Vec<&str> = f.also.iter().map(|&k| x.quantities[k].text.as_str()).collect();
    assert!(also.iter().any(|t| t.contains("86亿元")), "{also:?}");
    assert_eq!(x.facts.len(), 1, "{:?}", rows(&x));
    let x = extract(
        "Tata Motors said net profit rose to 3.5 billion rupees ($42.1 million) in the quarter.",
        None,
    );
    assert_eq!(x.facts.len(), 1, "{:?}", rows(&x));
    assert_eq!(fact_on(&x, "3.5 billion rupees").also.len(), 1);
    // Two amounts in one currency are two figures.
    let x = extract("比亚迪营收3000亿元，净利润300亿元。", None);
    assert!(x.facts.iter().all(|f| f.also.is_empty()), "{:?}", rows(&x));
}

#[test]
fn the_price_of_an_acquisition_is_its_deal_value() {
    let x = extract("腾讯宣布以25亿美元的价格收购一家游戏公司。", None);
    assert_eq!(fact_on(&x, "25亿美元").metric.as_str(), "deal_value", "{:?}", rows(&x));
    // A share's price stays a price.
    let x = extract("腾讯股价收于598港元。", None);
    assert_eq!(fact_on(&x, "598港元").metric.as_str(), "price", "{:?}", rows(&x));
}

#[test]
fn money_with_its_lead_investor_is_a_round() {
    let x = extract("Meesho, a social commerce platform, got $40 million led by Sequoia Capital.", None);
    assert_eq!(fact_on(&x, "$40 million").metric.as_str(), "funding", "{:?}", rows(&x));
}

#[test]
fn a_fact_stated_twice_is_one_fact_with_its_most_precise_value() {
    // Headline and body: the same figure twice.
    let x = extract(
        "比亚迪上半年净亏损1254.97万元\n比亚迪发布半年报，归属于上市公司股东的净亏损1254.97万元。",
        None,
    );
    assert_eq!(x.facts.len(), 1, "{:?}", rows(&x));
    // A bound and the exact figure that meets it.
    let x = extract("腾讯旗下应用日活突破2000万。据公司披露，腾讯旗下应用日活达2215万。", None);
    let users: Vec<_> = rows(&x).into_iter().filter(|r| r.1 == "users").collect();
    assert_eq!(users.len(), 1, "{:?}", rows(&x));
    assert_eq!(users[0].2, "2215万", "{users:?}");
    // Two different values stay two facts.
    let x = extract("比亚迪2023年营收3000亿元。比亚迪2024年营收3500亿元。", None);
    assert_eq!(rows(&x).iter().filter(|r| r.1 == "revenue").count(), 2, "{:?}", rows(&x));
}

#[test]
fn a_headline_restated_in_the_lead_is_kept_on_the_lead() {
    // The lead says the round in full: its round and its investors.
    let x = extract("小鹏汽车完成5亿美元融资\n\n小鹏汽车宣布完成约5亿美元C轮融资，由高瓴资本领投。", None);
    let funding: Vec<&Fact> = x.facts.iter().filter(|f| f.metric.as_str() == "funding").collect();
    assert_eq!(funding.len(), 1, "{:?}", rows(&x));
    assert_eq!(x.quantities[funding[0].quantity].text, "约5亿美元");
    assert_eq!(funding[0].round.as_deref(), Some("C轮"), "{:?}", funding[0]);
}

#[test]
fn figures_whose_values_meet_in_separate_statements_stay_apart() {
    // A range of estimates and the top estimate a clause later: two statements.
    let x = extract("分析师对小鹏汽车的估值从50亿美元到120亿美元不等，最高达到120亿美元。", None);
    let valuations = rows(&x).into_iter().filter(|r| r.1 == "valuation").count();
    assert_eq!(valuations, 2, "{:?}", rows(&x));
    // A range beside its own end in one clause is one.
    let x = extract("小鹏汽车估值为50亿至120亿美元即120亿美元。", None);
    let valuations = rows(&x).into_iter().filter(|r| r.1 == "valuation").count();
    assert_eq!(valuations, 1, "{:?}", rows(&x));
    // Paragraphs apart, a bound and an exact figure are two statements.
    let x = extract("小鹏汽车估值超过50亿美元。\n\n另据报道，小鹏汽车估值为52亿美元。", None);
    let valuations = rows(&x).into_iter().filter(|r| r.1 == "valuation").count();
    assert_eq!(valuations, 2, "{:?}", rows(&x));
}

#[test]
fn a_firms_parties_are_no_subject() {
    let x = extract("宁德时代公告称，归属于上市公司股东的净利润为45.6亿元。", None);
    assert_eq!(rows(&x).iter().map(|r| r.0).collect::<Vec<_>>(), ["宁德时代"], "{:?}", rows(&x));
}
