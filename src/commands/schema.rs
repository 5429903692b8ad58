//! `ledgen schema`: write the content files' JSON Schemas.

use anyhow::Result;

use crate::cli::SchemaArgs;
use ledgen::model::{schema_modeline, schemas};
use ledgen::output::write_atomically;
use ledgen::tr;

/// Writes every schema into `--out`.
pub fn run(args: &SchemaArgs) -> Result<()> {
    for (name, schema) in schemas() {
        let path = args.out.join(name);
        let mut text = serde_json::to_string_pretty(&schema)?;
        text.push('\n');
        write_atomically(&path, text.as_bytes())?;
        eprintln!("{}", tr!("schema-cmd-wrote", path = path.display().to_string()));
    }
    eprintln!(
        "{}\n  {}\n  {}\n{}\n  {}",
        tr!("schema-cmd-point-content"),
        schema_modeline("report.schema.json", 2),
        schema_modeline("section.schema.json", 2),
        tr!("schema-cmd-point-brand"),
        schema_modeline("brand.schema.json", 1)
    );
    Ok(())
}
