mod extract_articles;
mod extract_conformance;
