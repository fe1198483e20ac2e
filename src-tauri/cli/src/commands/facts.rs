//! `dossier facts`: the market facts found in the library, and their review.

use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use dossier_core::operations::review;
use dossier_core::report::{self, Format, Scope, ScopeRequest};
use dossier_core::store::facts;
use dossier_core::{Library, Metric, Qualifier, QuantityKind, Result};

use crate::output::{self, pad};

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct FactsArgs {
    #[command(subcommand)]
    command: Option<FactsCommand>,
    /// Without a subcommand, `facts` lists
    #[command(flatten)]
    list: FactsListArgs,
}

#[derive(Args)]
pub struct FactsListArgs {
    /// Only facts about this entity (any of its names)
    #[arg(long)]
    entity: Option<String>,
    /// Only this metric
    #[arg(long)]
    metric: Option<Metric>,
    /// Only facts from this article
    #[arg(long)]
    article: Option<i64>,
    /// Also list rejected facts
    #[arg(long)]
    rejected: bool,
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
}

/// How `facts` lists: a table for people, CSV (the report's) or JSON for programs.
#[derive(Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Table,
    Csv,
    Json,
}

#[derive(Subcommand)]
pub enum FactsCommand {
    /// List the market facts found in the library (the default)
    List(FactsListArgs),
    /// Mark facts as checked and right
    Confirm {
        #[arg(required = true)]
        ids: Vec<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Mark facts as wrong (hidden, and never brought back by re-extraction)
    Reject {
        #[arg(required = true)]
        ids: Vec<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Correct a fact's fields; it is then kept as edited
    Edit(FactEditArgs),
    /// Make a fact from a span of an article, filled in by the extractor
    Add {
        #[arg(long)]
        article: i64,
        #[arg(long)]
        start: usize,
        #[arg(long)]
        end: usize,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct FactEditArgs {
    id: i64,
    #[arg(long)]
    subject: Option<String>,
    #[arg(long)]
    metric: Option<Metric>,
    #[arg(long)]
    kind: Option<QuantityKind>,
    /// Sets low and high to one number (base units: 3e9 for 30亿)
    #[arg(long, conflicts_with_all = ["low", "high"], allow_hyphen_values = true)]
    value: Option<f64>,
    #[arg(long, allow_hyphen_values = true)]
    low: Option<f64>,
    #[arg(long, allow_hyphen_values = true)]
    high: Option<f64>,
    #[arg(long)]
    unit: Option<String>,
    #[arg(long)]
    qualifier: Option<Qualifier>,
    /// 2024, 2024-12 or 2024-12-05; an empty value clears it
    #[arg(long)]
    date: Option<String>,
    /// An empty value clears it
    #[arg(long)]
    round: Option<String>,
    /// Replaces the investors (repeat for several)
    #[arg(long = "investor")]
    investors: Vec<String>,
    /// Removes every investor
    #[arg(long, conflicts_with = "investors")]
    no_investors: bool,
    #[arg(long)]
    json: bool,
}

pub fn facts(library: &mut Library, args: FactsArgs) -> Result<ExitCode> {
    match args.command {
        None => list_facts(library, args.list)?,
        Some(FactsCommand::List(list)) => list_facts(library, list)?,
        Some(FactsCommand::Confirm { ids, json }) => {
            let rows =
                ids.iter().map(|id| facts::confirm(library.conn(), *id)).collect::<Result<Vec<_>>>()?;
            print_rows(&rows, json)?;
        }
        Some(FactsCommand::Reject { ids, json }) => {
            let rows = ids.iter().map(|id| facts::reject(library.conn(), *id)).collect::<Result<Vec<_>>>()?;
            print_rows(&rows, json)?;
        }
        Some(FactsCommand::Edit(e)) => {
            let edit = facts::FactEdit {
                subject: e.subject,
                metric: e.metric,
                kind: e.kind,
                low: e.value.or(e.low),
                high: e.value.or(e.high),
                unit: e.unit,
                qualifier: e.qualifier,
                date: e.date,
                round: e.round,
                investors: (e.no_investors || !e.investors.is_empty()).then_some(e.investors),
            };
            print_rows(&[review::edit_fact(library.conn(), e.id, &edit)?], e.json)?;
        }
        Some(FactsCommand::Add { article, start, end, json }) => {
            print_rows(&[dossier_core::ingest::fact_from_selection(library, article, start, end)?], json)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn list_facts(library: &Library, args: FactsListArgs) -> Result<()> {
    let filter = facts::FactFilter {
        subject: args.entity,
        metric: args.metric,
        article_id: args.article,
        include_rejected: args.rejected,
    };
    let rows = facts::list(library.conn(), &filter)?;
    match args.format {
        ListFormat::Json => output::json(&rows)?,
        // The same CSV as a report's: one table of facts wherever they are written.
        ListFormat::Csv => {
            let ids = rows.iter().map(|f| f.id).collect();
            let built = report::build(library.conn(), &ScopeRequest::new(Scope::Facts(ids)))?;
            print!("{}", String::from_utf8_lossy(&report::render(&built, Format::Csv)?));
        }
        ListFormat::Table => print_facts(&rows),
    }
    Ok(())
}

fn print_rows(rows: &[facts::FactRow], json: bool) -> Result<()> {
    if json {
        return output::json(&rows);
    }
    print_facts(rows);
    Ok(())
}

pub(super) fn print_facts(rows: &[facts::FactRow]) {
    for f in rows {
        println!(
            "{:>6}  {}  {}  {}  {}  {}  #{} {}",
            f.id,
            pad(&f.subject, 16),
            pad(f.metric.as_str(), 12),
            pad(&f.value_text, 20),
            pad(f.date.as_deref().unwrap_or("-"), 10),
            pad(f.status.as_str(), 9),
            f.article_id,
            output::fit(&f.article_title, 40)
        );
    }
    println!("{} facts", rows.len());
}
