//! What templates may do. A report may override the built-in templates, so templates are
//! treated like content: they see the report and nothing else, and their work is bounded.
//!
//! - No side channels: Tera's `get_env` (which would print a CI secret into the page), `now` and
//!   `get_random` (which would make two builds of the same content differ) are replaced by
//!   functions that fail with a message.
//! - No recursion: a template that includes itself, or a macro that calls itself, directly or
//!   through others, is refused when the templates are parsed. Without recursion, the depth of
//!   nested includes and macro calls is at most the number of templates and macros, so
//!   rendering cannot exhaust the stack (which would abort the process, not fail it).
//! - Bounded loops: a loop runs over the report's data (bounded by the content limits of the
//!   loader) or over `range`, which gives at most [`MAX_RANGE`] numbers; `set_global` is
//!   refused, so no value carries over from one round of a loop to the next and grows.
//! - Bounded output: rendering stops with an error past [`MAX_OUTPUT_BYTES`], so loops that
//!   print cannot fill the memory or the disk.

use std::collections::{BTreeMap, HashMap};
use std::io;

use anyhow::{Result, bail};
use tera::ast::{Expr, ExprVal, Node};
use tera::{Tera, Value};

use crate::tr;

/// Most numbers `range` gives: far more than any report needs (the built-in templates do not
/// use it), few enough that a loop over it is quick.
pub const MAX_RANGE: usize = 10_000;

/// Most bytes one template may render: about fifty times the largest page a real report makes
/// (images are added after rendering and do not count).
pub const MAX_OUTPUT_BYTES: usize = 64 * 1024 * 1024;

/// Replaces Tera's functions that reach outside the report and bounds `range`.
pub fn restrict_functions(tera: &mut Tera) {
    for name in ["get_env", "now", "get_random"] {
        tera.register_function(name, unavailable(name));
    }
    tera.register_function("range", bounded_range);
}

fn unavailable(name: &'static str) -> impl tera::Function {
    move |_: &HashMap<String, Value>| -> tera::Result<Value> {
        Err(tera::Error::msg(tr!("guard-function-unavailable", name = name)))
    }
}

/// Tera's `range`, refusing more than [`MAX_RANGE`] numbers.
fn bounded_range(args: &HashMap<String, Value>) -> tera::Result<Value> {
    let number = |key: &str, default: Option<usize>| -> tera::Result<usize> {
        match args.get(key) {
            Some(value) => tera::from_value::<usize>(value.clone()).map_err(|_| {
                tera::Error::msg(tr!(
                    "guard-range-not-whole-number",
                    key = key,
                    value = value.to_string()
                ))
            }),
            None => default
                .ok_or_else(|| tera::Error::msg(tr!("guard-range-needs-argument", key = key))),
        }
    };
    let (start, end, step) =
        (number("start", Some(0))?, number("end", None)?, number("step_by", Some(1))?);
    if step == 0 {
        return Err(tera::Error::msg(tr!("guard-range-step-zero")));
    }
    let count = end.saturating_sub(start).div_ceil(step);
    if count > MAX_RANGE {
        return Err(tera::Error::msg(tr!(
            "guard-range-too-long",
            count = count,
            limit = MAX_RANGE
        )));
    }
    Ok(Value::Array((start..end).step_by(step).map(Value::from).collect()))
}

/// A body that can be entered: a whole template, or one macro of a template.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Body {
    Template(String),
    Macro(String, String),
}

impl std::fmt::Display for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Body::Template(name) => write!(f, "`{name}`"),
            Body::Macro(file, name) => {
                f.write_str(&tr!("guard-macro-of", name = name.as_str(), file = file.as_str()))
            }
        }
    }
}

/// Refuses templates that include themselves or whose macros call themselves, directly or
/// through other templates and macros, and templates that use `set_global`.
pub fn check_templates(tera: &Tera) -> Result<()> {
    let mut edges: BTreeMap<Body, Vec<Body>> = BTreeMap::new();
    let mut names: Vec<&str> = tera.get_template_names().collect();
    names.sort_unstable();
    for name in names {
        let Ok(template) = tera.get_template(name) else { continue };
        let namespaces: HashMap<&str, &str> = template
            .imported_macro_files
            .iter()
            .map(|(file, namespace)| (namespace.as_str(), file.as_str()))
            .collect();
        let resolve = |namespace: &str| -> String {
            if namespace == "self" {
                name.to_string()
            } else {
                namespaces.get(namespace).map_or_else(|| namespace.to_string(), |f| f.to_string())
            }
        };
        let mut calls = Vec::new();
        calls_in_nodes(&template.ast, &mut calls);
        reject_set_global(name, &calls)?;
        let mut targets: Vec<Body> = calls.iter().filter_map(|c| c.to_body(&resolve)).collect();
        if let Some(parent) = &template.parent {
            targets.push(Body::Template(parent.clone()));
        }
        edges.insert(Body::Template(name.to_string()), targets);
        for (macro_name, definition) in &template.macros {
            let mut calls = Vec::new();
            calls_in_nodes(&definition.body, &mut calls);
            reject_set_global(name, &calls)?;
            let targets = calls.iter().filter_map(|c| c.to_body(&resolve)).collect();
            edges.insert(Body::Macro(name.to_string(), macro_name.clone()), targets);
        }
    }
    if let Some(cycle) = find_cycle(&edges) {
        let path = cycle.iter().map(ToString::to_string).collect::<Vec<_>>().join(" → ");
        bail!(tr!("guard-recursion", body = cycle[0].to_string(), path = path));
    }
    Ok(())
}

/// The templates `name` includes, in its body or its macros (for the test that each page's list
/// of built-in templates is complete).
#[cfg(test)]
pub(super) fn included(tera: &Tera, name: &str) -> Vec<String> {
    let Ok(template) = tera.get_template(name) else { return Vec::new() };
    let mut calls = Vec::new();
    calls_in_nodes(&template.ast, &mut calls);
    for definition in template.macros.values() {
        calls_in_nodes(&definition.body, &mut calls);
    }
    calls
        .into_iter()
        .filter_map(|call| match call {
            Call::Include(names) => Some(names),
            _ => None,
        })
        .flatten()
        .collect()
}

/// `set_global` in a loop can double a value each time round (`s ~ s`): a few dozen rounds
/// fill any memory. Plain `set` inside a loop lasts one round, so it cannot.
fn reject_set_global(template: &str, calls: &[Call]) -> Result<()> {
    if let Some(Call::SetGlobal(key)) = calls.iter().find(|c| matches!(c, Call::SetGlobal(_))) {
        bail!(tr!("guard-set-global", template = template, key = key.as_str()));
    }
    Ok(())
}

/// A place a body enters another: an include (any of its names) or a macro call; or a
/// `set_global`, which is refused.
enum Call {
    Include(Vec<String>),
    Macro(String, String),
    SetGlobal(String),
}

impl Call {
    fn to_body(&self, resolve: &dyn Fn(&str) -> String) -> Option<Body> {
        Some(match self {
            // An include with several names renders the first that exists; any may.
            Call::Include(names) => Body::Template(names.first().cloned().unwrap_or_default()),
            Call::Macro(namespace, name) => Body::Macro(resolve(namespace), name.clone()),
            Call::SetGlobal(_) => return None,
        })
    }
}

fn calls_in_nodes(nodes: &[Node], calls: &mut Vec<Call>) {
    for node in nodes {
        match node {
            Node::VariableBlock(_, expr) => calls_in_expr(expr, calls),
            Node::Include(_, names, _) => {
                calls.extend(names.iter().map(|n| Call::Include(vec![n.clone()])));
            }
            Node::Set(_, set) => {
                if set.global {
                    calls.push(Call::SetGlobal(set.key.clone()));
                }
                calls_in_expr(&set.value, calls);
            }
            Node::FilterSection(_, section, _) => {
                section.filter.args.values().for_each(|e| calls_in_expr(e, calls));
                calls_in_nodes(&section.body, calls);
            }
            Node::Block(_, block, _) => calls_in_nodes(&block.body, calls),
            Node::Forloop(_, forloop, _) => {
                calls_in_expr(&forloop.container, calls);
                calls_in_nodes(&forloop.body, calls);
                if let Some(body) = &forloop.empty_body {
                    calls_in_nodes(body, calls);
                }
            }
            Node::If(branches, _) => {
                for (_, condition, body) in &branches.conditions {
                    calls_in_expr(condition, calls);
                    calls_in_nodes(body, calls);
                }
                if let Some((_, body)) = &branches.otherwise {
                    calls_in_nodes(body, calls);
                }
            }
            // Macro bodies are bodies of their own; the rest holds no calls.
            _ => {}
        }
    }
}

fn calls_in_expr(expr: &Expr, calls: &mut Vec<Call>) {
    for filter in &expr.filters {
        filter.args.values().for_each(|e| calls_in_expr(e, calls));
    }
    calls_in_value(&expr.val, calls);
}

fn calls_in_value(value: &ExprVal, calls: &mut Vec<Call>) {
    match value {
        ExprVal::Math(math) => {
            calls_in_expr(&math.lhs, calls);
            calls_in_expr(&math.rhs, calls);
        }
        ExprVal::Logic(logic) => {
            calls_in_expr(&logic.lhs, calls);
            calls_in_expr(&logic.rhs, calls);
        }
        ExprVal::Test(test) => test.args.iter().for_each(|e| calls_in_expr(e, calls)),
        ExprVal::MacroCall(call) => {
            calls.push(Call::Macro(call.namespace.clone(), call.name.clone()));
            call.args.values().for_each(|e| calls_in_expr(e, calls));
        }
        ExprVal::FunctionCall(call) => call.args.values().for_each(|e| calls_in_expr(e, calls)),
        ExprVal::Array(items) => items.iter().for_each(|e| calls_in_expr(e, calls)),
        ExprVal::StringConcat(concat) => {
            concat.values.iter().for_each(|v| calls_in_value(v, calls));
        }
        ExprVal::In(test) => {
            calls_in_expr(&test.lhs, calls);
            calls_in_expr(&test.rhs, calls);
        }
        ExprVal::String(_)
        | ExprVal::Int(_)
        | ExprVal::Float(_)
        | ExprVal::Bool(_)
        | ExprVal::Ident(_) => {}
    }
}

/// A cycle of the graph, as the bodies along it ending with the first again, if there is one.
fn find_cycle(edges: &BTreeMap<Body, Vec<Body>>) -> Option<Vec<&Body>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    let mut marks: HashMap<&Body, Mark> = HashMap::new();
    for start in edges.keys() {
        if marks.contains_key(start) {
            continue;
        }
        // Iterative depth-first search: the path, and for each body on it the next edge to try.
        let mut path: Vec<(&Body, usize)> = vec![(start, 0)];
        marks.insert(start, Mark::Open);
        while let Some((body, next)) = path.last_mut() {
            let targets = edges.get(*body).map_or(&[][..], Vec::as_slice);
            if let Some(target) = targets.get(*next) {
                *next += 1;
                match marks.get(target) {
                    Some(Mark::Open) => {
                        let from = path.iter().position(|(b, _)| *b == target).unwrap_or(0);
                        let mut cycle: Vec<&Body> = path[from..].iter().map(|(b, _)| *b).collect();
                        cycle.push(target);
                        return Some(cycle);
                    }
                    Some(Mark::Done) => {}
                    None => {
                        // A name with no body (an unknown template) ends here.
                        let target = edges.get_key_value(target).map_or(target, |(k, _)| k);
                        marks.insert(target, Mark::Open);
                        path.push((target, 0));
                    }
                }
            } else {
                marks.insert(body, Mark::Done);
                path.pop();
            }
        }
    }
    None
}

/// A writer that fails once more than [`MAX_OUTPUT_BYTES`] were written to it.
pub struct Bounded(pub Vec<u8>);

impl io::Write for Bounded {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.0.len() + bytes.len() > MAX_OUTPUT_BYTES {
            return Err(io::Error::other(tr!(
                "guard-output-too-large",
                size = MAX_OUTPUT_BYTES / 1024 / 1024
            )));
        }
        self.0.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tera(templates: &[(&str, &str)]) -> Tera {
        let mut tera = Tera::default();
        restrict_functions(&mut tera);
        tera.add_raw_templates(templates.iter().map(|(n, t)| (*n, *t))).unwrap();
        tera
    }

    fn render(tera: &Tera, name: &str) -> std::result::Result<String, String> {
        let mut out = Bounded(Vec::new());
        tera.render_to(name, &tera::Context::new(), &mut out)
            .map(|()| String::from_utf8(out.0).unwrap())
            .map_err(|e| {
                let mut message = e.to_string();
                let mut source = std::error::Error::source(&e);
                while let Some(s) = source {
                    message.push_str(&format!(": {s}"));
                    source = s.source();
                }
                message
            })
    }

    #[test]
    fn a_refused_template_is_told_in_both_languages() {
        use crate::locale::{UiLanguage, in_language};
        let t = tera(&[("t", "{{ now() }}")]);
        let en = in_language(UiLanguage::En, || render(&t, "t").unwrap_err());
        assert!(en.contains("the function `now` is not available in ledgen templates"), "{en}");
        let sv = in_language(UiLanguage::Sv, || render(&t, "t").unwrap_err());
        assert!(sv.contains("funktionen `now` finns inte i ledgens mallar"), "{sv}");
        let growing = "{% set_global s = 1 %}";
        let sv = in_language(UiLanguage::Sv, || {
            check_templates(&tera(&[("g", growing)])).unwrap_err().to_string()
        });
        assert!(sv.starts_with("`g` sätter `s` med `set_global`"), "{sv}");
    }

    #[test]
    fn environment_time_and_randomness_are_not_available() {
        // `{{ get_env(name="CI_JOB_TOKEN") }}` printed a CI secret into the page.
        for call in ["get_env(name=\"PATH\")", "now()", "get_random(end=10)"] {
            let t = tera(&[("t", &format!("{{{{ {call} }}}}"))]);
            let error = render(&t, "t").unwrap_err();
            assert!(error.contains("is not available in ledgen templates"), "{call}: {error}");
        }
    }

    #[test]
    fn range_is_bounded() {
        let t =
            tera(&[("ok", "{% for i in range(start=2, end=8, step_by=3) %}{{ i }},{% endfor %}")]);
        assert_eq!(render(&t, "ok").unwrap(), "2,5,");
        let t = tera(&[("big", "{% for i in range(end=1000000000) %}{% endfor %}")]);
        assert!(render(&t, "big").unwrap_err().contains("at most 10000"));
    }

    #[test]
    fn output_is_bounded() {
        let t = tera(&[(
            "t",
            "{% for a in range(end=10000) %}{% for b in range(end=10000) %}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}{% endfor %}",
        )]);
        assert!(render(&t, "t").unwrap_err().contains("may write at most"));
    }

    #[test]
    fn recursive_macros_and_includes_are_refused() {
        let direct = "{% macro m(n) %}{{ self::m(n=n) }}{% endmacro m %}{{ self::m(n=1) }}";
        let error = check_templates(&tera(&[("a", direct)])).unwrap_err().to_string();
        assert!(error.contains("macro `m` of `a` calls itself"), "{error}");

        let mutual = [
            ("a", "{% import \"b\" as b %}{% macro m() %}{{ b::n() }}{% endmacro m %}"),
            (
                "b",
                "{% import \"a\" as a %}{% macro n() %}{% if true %}{{ a::m() }}{% endif %}{% endmacro n %}",
            ),
        ];
        assert!(check_templates(&tera(&mutual)).is_err());

        let includes = [
            ("x", "{% for i in [1] %}{% include \"y\" %}{% endfor %}"),
            ("y", "{% include \"x\" %}"),
        ];
        let error = check_templates(&tera(&includes)).unwrap_err().to_string();
        assert!(error.contains("`x` → `y` → `x`"), "{error}");
    }

    #[test]
    fn set_global_is_refused() {
        let growing = "{% set_global s = \"ab\" %}{% for i in range(end=64) %}{% set_global s = s ~ s %}{% endfor %}";
        let error = check_templates(&tera(&[("g", growing)])).unwrap_err().to_string();
        assert!(error.contains("`g` sets `s` with `set_global`"), "{error}");
    }

    #[test]
    fn templates_without_recursion_pass() {
        let fine = [
            ("a", "{% import \"m\" as m %}{{ m::one() }}{% include \"b\" %}{% include \"b\" %}"),
            ("b", "{% import \"m\" as m %}{{ m::two() }}"),
            (
                "m",
                "{% macro one() %}{{ self::two() }}{% endmacro one %}{% macro two() %}2{% endmacro two %}",
            ),
        ];
        check_templates(&tera(&fine)).unwrap();
    }
}
