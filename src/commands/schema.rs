//! `ledgen schema`: write the content files' JSON Schemas.

use anyhow::Result;

use crate::cli::SchemaArgs;
use crate::model::schemas;
use crate::output::write_atomically;

/// The comment that points a YAML language server at a schema, for a file `depth` folders
/// below the folder holding `schema/`.
pub(crate) fn modeline(schema: &str, depth: usize) -> String {
    format!("# yaml-language-server: $schema={}schema/{schema}", "../".repeat(depth))
}

/// Writes every schema into `--out`.
pub fn run(args: &SchemaArgs) -> Result<()> {
    for (name, schema) in schemas() {
        let path = args.out.join(name);
        let mut text = serde_json::to_string_pretty(&schema)?;
        text.push('\n');
        write_atomically(&path, text.as_bytes())?;
        eprintln!("Wrote {}", path.display());
    }
    eprintln!(
        "Point content files at them with a first line such as\n  {}\n  {}\nand a `_brand.yml` \
         beside the year folders with\n  {}",
        modeline("report.schema.json", 2),
        modeline("section.schema.json", 2),
        modeline("brand.schema.json", 1)
    );
    Ok(())
}
