//! The work a render may do: every value a template builds is bounded in size, and rendering
//! stops at the build's time limit. A report may override the built-in templates, and a template
//! can loop, concatenate and filter: nested loops over `range` that never end in practice, or a
//! few hundred bytes of repeated `replace` that build a string of gigabytes, must end with an
//! error, not take the machine.
//!
//! Tera cannot be interrupted from outside, so the checks run inside it, at points every render
//! passes through often:
//!
//! - every filter and function is wrapped ([`bound_filters_and_functions`]): before it runs, the
//!   clock is checked; `replace`, `join` and `indent`, whose result can be far larger than their
//!   input, are refused when it would pass [`MAX_VALUE_BYTES`]; after it runs, its result must
//!   be within that bound too;
//! - the value of every `set` and the list of every `for` loop pass through the filter
//!   [`BOUNDED`], added to each template when it is parsed ([`instrument`]): a `set` cannot
//!   grow a value past the bound by concatenating it (`s ~ s`), and every loop checks the clock
//!   each time it starts;
//! - a concatenation (`a ~ b ~ …`) may name at most [`MAX_CONCAT_VALUES`] values, so one
//!   expression builds at most that many bounded values before its result is checked.
//!
//! What is written goes to a writer bounded in the same way (`guard::Bounded`).

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use tera::ast::{Expr, ExprVal, FunctionCall, Node};
use tera::{Filter, Function, Tera, Value};

use crate::tr;

/// Largest value (a string, or the strings and numbers of a list or map) a template may build:
/// far more than any text of a report, small enough that a few of them fit in any memory.
pub const MAX_VALUE_BYTES: usize = 8 * 1024 * 1024;

/// Most values one concatenation (`a ~ b ~ …`) may name, literals not counted.
pub const MAX_CONCAT_VALUES: usize = 16;

/// The filter that bounds a `set`'s value and a loop's list.
pub const BOUNDED: &str = "__ledgen_bounded";

/// How many checks pass between two readings of the clock.
const CLOCK_EVERY: u32 = 64;

thread_local! {
    /// The time limit of the render under way on this thread: when it started, and how long
    /// it may take.
    static DEADLINE: Cell<Option<(Instant, Duration)>> = const { Cell::new(None) };
    /// Checks since the clock was last read.
    static CHECKS: Cell<u32> = const { Cell::new(0) };
}

/// Runs `render` with the time limit `limit` for the templates it renders on this thread.
pub fn with_time_limit<T>(limit: Duration, render: impl FnOnce() -> T) -> T {
    let before = DEADLINE.replace(Some((Instant::now(), limit)));
    CHECKS.set(0);
    let result = render();
    DEADLINE.set(before);
    result
}

/// Fails once the render under way has run past its time limit (the clock is read every
/// [`CLOCK_EVERY`] checks).
fn check_time() -> tera::Result<()> {
    let checks = CHECKS.get() + 1;
    if checks < CLOCK_EVERY {
        CHECKS.set(checks);
        return Ok(());
    }
    CHECKS.set(0);
    match DEADLINE.get() {
        Some((start, limit)) if start.elapsed() > limit => {
            Err(tera::Error::msg(tr!("budget-timed-out", seconds = limit.as_secs())))
        }
        _ => Ok(()),
    }
}

/// The bytes of a value's strings and numbers, counted up to just past `limit`.
fn size(value: &Value, limit: usize) -> usize {
    match value {
        Value::String(s) => s.len(),
        Value::Array(items) => {
            let mut total = items.len();
            for item in items {
                total += size(item, limit);
                if total > limit {
                    break;
                }
            }
            total
        }
        Value::Object(map) => {
            let mut total = 0;
            for (key, item) in map {
                total += key.len() + size(item, limit);
                if total > limit {
                    break;
                }
            }
            total
        }
        Value::Number(_) | Value::Bool(_) | Value::Null => 8,
    }
}

/// Fails when `value`, the result of what `what` names, is larger than [`MAX_VALUE_BYTES`].
fn check_size(what: impl FnOnce() -> String, value: &Value) -> tera::Result<()> {
    if size(value, MAX_VALUE_BYTES) > MAX_VALUE_BYTES {
        return Err(too_large(&what()));
    }
    Ok(())
}

fn too_large(what: &str) -> tera::Error {
    tera::Error::msg(tr!(
        "budget-value-too-large",
        what = what,
        size = MAX_VALUE_BYTES / 1024 / 1024
    ))
}

/// The size `replace`, `join` or `indent` would give, computed before it runs, or 0 for
/// another filter.
fn expected_size(name: &str, value: &Value, args: &HashMap<String, Value>) -> usize {
    let text = |key: &str| args.get(key).and_then(Value::as_str).unwrap_or_default();
    match (name, value) {
        ("replace", Value::String(s)) => {
            let (from, to) = (text("from"), text("to"));
            if from.is_empty() {
                return s.len();
            }
            let count = s.matches(from).count();
            s.len().saturating_add(count.saturating_mul(to.len()))
        }
        ("join", Value::Array(items)) => {
            let separator = text("sep").len();
            items.len().saturating_mul(separator).saturating_add(size(value, MAX_VALUE_BYTES))
        }
        ("indent", Value::String(s)) => {
            let prefix = args.get("prefix").and_then(Value::as_str).map_or(4, str::len);
            s.len().saturating_add((s.lines().count() + 1).saturating_mul(prefix))
        }
        _ => 0,
    }
}

/// A filter whose work is checked: the clock before, the size of what it would build and built.
struct BoundedFilter {
    name: String,
    inner: Arc<dyn Filter>,
}

impl Filter for BoundedFilter {
    fn filter(&self, value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
        check_time()?;
        if expected_size(&self.name, value, args) > MAX_VALUE_BYTES {
            return Err(too_large(&tr!("budget-the-filter", name = self.name.as_str())));
        }
        let result = self.inner.filter(value, args)?;
        check_size(|| tr!("budget-the-filter", name = self.name.as_str()), &result)?;
        Ok(result)
    }

    fn is_safe(&self) -> bool {
        self.inner.is_safe()
    }
}

/// A function whose work is checked like a [`BoundedFilter`]'s.
struct BoundedFunction {
    name: String,
    inner: Arc<dyn Function>,
}

impl Function for BoundedFunction {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        check_time()?;
        let result = self.inner.call(args)?;
        check_size(|| tr!("budget-the-function", name = self.name.as_str()), &result)?;
        Ok(result)
    }

    fn is_safe(&self) -> bool {
        self.inner.is_safe()
    }
}

/// Wraps every filter and function of `tera` (Tera's own and ours, registered before) so that
/// its work is checked, and adds the filter [`BOUNDED`].
pub fn bound_filters_and_functions(tera: &mut Tera) {
    let filters: Vec<(String, Arc<dyn Filter>)> =
        tera.filters.iter().map(|(name, f)| (name.clone(), Arc::clone(f))).collect();
    for (name, inner) in filters {
        tera.register_filter(&name.clone(), BoundedFilter { name, inner });
    }
    let functions: Vec<(String, Arc<dyn Function>)> =
        tera.functions.iter().map(|(name, f)| (name.clone(), Arc::clone(f))).collect();
    for (name, inner) in functions {
        tera.register_function(&name.clone(), BoundedFunction { name, inner });
    }
    tera.register_filter(BOUNDED, |value: &Value, _: &HashMap<String, Value>| {
        check_time()?;
        check_size(|| tr!("budget-set-or-loop"), value)?;
        Ok(value.clone())
    });
}

/// Adds the filter [`BOUNDED`] to the value of every `set` and the list of every `for` loop of
/// every template of `tera`, and refuses concatenations of more than [`MAX_CONCAT_VALUES`]
/// values. Run once, after the templates are parsed.
pub fn instrument(tera: &mut Tera) -> Result<()> {
    for (name, template) in &mut tera.templates {
        let mut bodies: Vec<&mut Vec<Node>> = vec![&mut template.ast];
        bodies.extend(template.macros.values_mut().map(|m| &mut m.body));
        for definitions in template.blocks_definitions.values_mut() {
            bodies.extend(definitions.iter_mut().map(|(_, block)| &mut block.body));
        }
        for body in bodies {
            if let Err(message) = instrument_nodes(body) {
                bail!("`{name}`: {message}");
            }
        }
    }
    Ok(())
}

fn instrument_nodes(nodes: &mut [Node]) -> Result<(), String> {
    for node in nodes {
        match node {
            Node::VariableBlock(_, expr) => check_expr(expr)?,
            Node::Set(_, set) => {
                check_expr(&set.value)?;
                add_bound(&mut set.value);
            }
            Node::FilterSection(_, section, _) => {
                section.filter.args.values().try_for_each(check_expr)?;
                instrument_nodes(&mut section.body)?;
            }
            Node::Block(_, block, _) => instrument_nodes(&mut block.body)?,
            Node::Forloop(_, forloop, _) => {
                check_expr(&forloop.container)?;
                add_bound(&mut forloop.container);
                instrument_nodes(&mut forloop.body)?;
                if let Some(body) = &mut forloop.empty_body {
                    instrument_nodes(body)?;
                }
            }
            Node::If(branches, _) => {
                for (_, condition, body) in &mut branches.conditions {
                    check_expr(condition)?;
                    instrument_nodes(body)?;
                }
                if let Some((_, body)) = &mut branches.otherwise {
                    instrument_nodes(body)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Adds [`BOUNDED`] as the last filter of `expr`, before a final `safe` (which must stay last
/// for Tera to leave the value unescaped).
fn add_bound(expr: &mut Expr) {
    let bound = FunctionCall { name: BOUNDED.to_string(), args: HashMap::new() };
    let at = match expr.filters.last() {
        Some(last) if last.name == "safe" => expr.filters.len() - 1,
        _ => expr.filters.len(),
    };
    expr.filters.insert(at, bound);
}

/// Refuses a concatenation of more than [`MAX_CONCAT_VALUES`] values in `expr`.
fn check_expr(expr: &Expr) -> Result<(), String> {
    for filter in &expr.filters {
        filter.args.values().try_for_each(check_expr)?;
    }
    check_value(&expr.val)
}

fn check_value(value: &ExprVal) -> Result<(), String> {
    match value {
        ExprVal::StringConcat(concat) => {
            let named = concat
                .values
                .iter()
                .filter(|v| !matches!(v, ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_)))
                .count();
            if named > MAX_CONCAT_VALUES {
                return Err(tr!(
                    "budget-too-many-concatenated",
                    count = named,
                    limit = MAX_CONCAT_VALUES
                ));
            }
            concat.values.iter().try_for_each(check_value)
        }
        ExprVal::Math(math) => check_expr(&math.lhs).and_then(|()| check_expr(&math.rhs)),
        ExprVal::Logic(logic) => check_expr(&logic.lhs).and_then(|()| check_expr(&logic.rhs)),
        ExprVal::In(test) => check_expr(&test.lhs).and_then(|()| check_expr(&test.rhs)),
        ExprVal::Test(test) => test.args.iter().try_for_each(check_expr),
        ExprVal::MacroCall(call) => call.args.values().try_for_each(check_expr),
        ExprVal::FunctionCall(call) => call.args.values().try_for_each(check_expr),
        ExprVal::Array(items) => items.iter().try_for_each(check_expr),
        ExprVal::String(_)
        | ExprVal::Int(_)
        | ExprVal::Float(_)
        | ExprVal::Bool(_)
        | ExprVal::Ident(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders template `t` of `source` under the budget, with a time limit of `limit`.
    fn render(source: &str, limit: Duration) -> std::result::Result<String, String> {
        let mut tera = Tera::default();
        super::super::guard::restrict_functions(&mut tera);
        bound_filters_and_functions(&mut tera);
        tera.add_raw_template("t", source).map_err(|e| e.to_string())?;
        instrument(&mut tera).map_err(|e| e.to_string())?;
        let mut context = tera::Context::new();
        context.insert("items", &vec!["a"; 100]);
        with_time_limit(limit, || tera.render("t", &context)).map_err(|e| {
            let mut message = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                message.push_str(&format!(": {s}"));
                source = s.source();
            }
            message
        })
    }

    const MINUTE: Duration = Duration::from_secs(60);

    #[test]
    fn ordinary_templates_render_as_before() {
        let source = "{% set n = items | length %}{% set x = \"<b>\" ~ n %}{{ x }}|{{ x | safe }}|\
                      {% for i in items | slice(end=3) %}{{ i | upper }}{% endfor %}|\
                      {{ items | slice(end=2) | join(sep=\", \") | replace(from=\"a\", to=\"b\") }}";
        assert_eq!(render(source, MINUTE).unwrap(), "<b>100|<b>100|AAA|b, b");
    }

    // Regression: a 280-byte template of repeated `replace` built a 1.6 GB string before the
    // output's bound could stop it.
    #[test]
    fn a_value_cannot_grow_past_the_bound() {
        let step = " | replace(from=\"a\", to=\"aaaaaaaaaaaaaaaa\")";
        let source = format!("{{{{ \"aaaa\"{} }}}}", step.repeat(12));
        let error = render(&source, MINUTE).unwrap_err();
        assert!(error.contains("the filter `replace` would build a value of more than"), "{error}");

        let doubling: String = std::iter::once("{% set s = \"abcdefgh\" %}".to_string())
            .chain((0..40).map(|_| "{% set s = s ~ s %}".to_string()))
            .collect();
        let error = render(&doubling, MINUTE).unwrap_err();
        assert!(error.contains("would build a value of more than"), "{error}");

        let joined = "{{ items | join(sep=items | join(sep=items | join(sep=\"0123456789\"))) }}";
        assert!(render(joined, MINUTE).unwrap_err().contains("the filter `join`"));
    }

    #[test]
    fn long_concatenations_are_refused() {
        let source = format!("{{{{ {} }}}}", vec!["items"; MAX_CONCAT_VALUES + 1].join(" ~ "));
        let error = render(&source, MINUTE).unwrap_err();
        assert!(error.contains("may concatenate at most"), "{error}");
    }

    #[test]
    fn a_refused_concatenation_is_told_in_both_languages() {
        use crate::locale::{UiLanguage, in_language};
        let source = format!("{{{{ {} }}}}", vec!["items"; MAX_CONCAT_VALUES + 1].join(" ~ "));
        let count = MAX_CONCAT_VALUES + 1;
        let en = in_language(UiLanguage::En, || render(&source, MINUTE).unwrap_err());
        let expected = format!("a concatenation (`~`) of {count} values; ledgen templates may");
        assert!(en.contains(&expected), "{en}");
        let sv = in_language(UiLanguage::Sv, || render(&source, MINUTE).unwrap_err());
        let expected = format!("en sammanfogning (`~`) av {count} värden; ledgens mallar får");
        assert!(sv.contains(&expected), "{sv}");
    }

    // Regression: nested loops over `range` ran on past `--timeout`, which covered only Typst.
    #[test]
    fn nested_loops_stop_at_the_time_limit() {
        let source = "{% for a in range(end=10000) %}{% for b in range(end=10000) %}\
                      {% for c in range(end=10000) %}{% endfor %}{% endfor %}{% endfor %}";
        let error = render(source, Duration::from_millis(200)).unwrap_err();
        assert!(error.contains("took longer than 0 s and was stopped"), "{error}");
    }
}
