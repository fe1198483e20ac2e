fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    // Declaring the app's commands makes each one need an explicit permission in a capability.
    let manifest = tauri_build::AppManifest::new().commands(&[
        "library_info",
        "library_backup",
        "library_load_samples",
        "articles_list",
        "articles_count",
        "articles_get",
        "outlets_list",
        "search_query",
        "collections_list",
        "collections_create",
        "collections_add_article",
        "import_choose",
        "articles_take_opened",
        "facts_list",
        "facts_metrics",
        "facts_review",
        "facts_edit",
        "facts_create",
        "annotations_list",
        "annotations_create",
        "annotations_update",
        "annotations_delete",
        "annotations_undo",
        "annotations_redo",
        "tags_list",
        "tags_rename",
        "tags_delete",
        "entities_list",
        "entities_facts",
        "entities_add",
        "entities_rename",
        "entities_alias",
        "entities_merge",
        "entities_delete",
        "report_preview",
        "report_export",
    ]);
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(manifest),
    )
    .expect("tauri build script failed");
}
