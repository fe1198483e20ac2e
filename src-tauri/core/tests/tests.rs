mod extract_articles;
