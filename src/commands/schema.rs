//! `ledgen schema`: write the content files' JSON Schemas.

use anyhow::Result;

use crate::cli::SchemaArgs;
use ledgen::model::{schema_modeline, schemas};
use ledgen::output::write_atomically;

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
        schema_modeline("report.schema.json", 2),
        schema_modeline("section.schema.json", 2),
        schema_modeline("brand.schema.json", 1)
    );
    Ok(())
}
