//! Scoring one gold document against one system record (`score.py`'s `score_doc`).
//!
//! Every step mirrors the reference scorer, including which values are looked at
//! and in which order, so that odd input gives the same counts — or fails exactly
//! where Python would raise (reported as an error instead of a traceback).

use crate::matching::{greedy_match, tally};
use crate::norm::{tval_value, NormCache};
use crate::py::{self, Crash, PyResult};
use crate::report::{Counts, Details};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashSet;

/// Items of a list as Python iterates them (string → code points, dict → keys).
type Items<'a> = Vec<Cow<'a, Value>>;

static NULL: Value = Value::Null;
static EMPTY_STR: Value = Value::String(String::new());

/// `bool(g.get("optional"))`.
fn optional(g: &Value) -> PyResult<bool> {
    py::get_truthy(g, "optional")
}

/// `obj.get(key)` with `None` as a value.
fn get_or_null<'a>(obj: &'a Value, key: &str) -> PyResult<&'a Value> {
    Ok(py::get(obj, key)?.unwrap_or(&NULL))
}

/// `obj.get(key, "")`.
fn get_or_empty_str<'a>(obj: &'a Value, key: &str) -> PyResult<&'a Value> {
    Ok(py::get(obj, key)?.unwrap_or(&EMPTY_STR))
}

/// The strings a system entity is known by: its `name`-kind mentions and its name.
fn sys_entity_strings(e: &Value) -> PyResult<Vec<Value>> {
    let mut names = Vec::new();
    for m in py::iter(py::get_or_list(e, "mentions")?)? {
        let is_name = match py::get(&m, "kind")? {
            None => true,
            Some(k) => py::eq_str(k, "name"),
        };
        if is_name {
            names.push(get_or_empty_str(&m, "text")?.clone());
        }
    }
    names.push(match py::get(e, "name")? {
        Some(v) if py::truthy(v) => v.clone(),
        _ => EMPTY_STR.clone(),
    });
    Ok(names)
}

/// `{e.get("id"): e for e in se}`: system entities by id, the last one winning.
struct Ents<'a> {
    by_id: Vec<(&'a Value, &'a Value)>,
}

impl<'a> Ents<'a> {
    fn new(se: &'a Items<'a>) -> PyResult<Self> {
        let mut by_id = Vec::with_capacity(se.len());
        for e in se {
            let id = get_or_null(e, "id")?;
            py::check_hashable(id, "an entity \"id\"")?;
            by_id.push((id, e.as_ref()));
        }
        Ok(Ents { by_id })
    }

    /// `ents[eid]` when `eid in ents` (Python key equality: `1 == 1.0 == True`).
    fn lookup(&self, eid: &Value) -> Option<&'a Value> {
        self.by_id
            .iter()
            .rev()
            .find(|(k, _)| py::eq(k, eid))
            .map(|(_, e)| *e)
    }
}

/// The strings of an argument list (`actor`, `recipient`, …): each argument's
/// text plus, when it links to a system entity, that entity's strings; falsy ones
/// dropped.
fn arg_strings(args: Option<&Value>, ents: &Ents<'_>) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    for a in py::iter_or_empty(args)? {
        if let Value::String(_) = a.as_ref() {
            out.push(a.into_owned());
            continue;
        }
        out.push(get_or_empty_str(&a, "text")?.clone());
        if let Some(eid) = py::get(&a, "entity")?.filter(|v| py::truthy(v)) {
            py::check_hashable(eid, "an argument's \"entity\"")?;
            if let Some(e) = ents.lookup(eid) {
                out.extend(sys_entity_strings(e)?);
            }
        }
    }
    out.retain(py::truthy);
    Ok(out)
}

/// Whether any of `xs` overlaps any of `ys` (stops at the first hit, as `any` does).
fn any_overlap<'a>(
    nc: &NormCache,
    xs: impl IntoIterator<Item = &'a Value>,
    ys: &[Value],
) -> PyResult<bool> {
    for x in xs {
        for y in ys {
            if nc.overlaps_values(x, y)? {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// `(a or []) + (b or [])` for two gold role lists; Python only adds list to list
/// or string to string.
fn concat_roles<'a>(a: Option<&'a Value>, b: Option<&'a Value>) -> PyResult<Items<'a>> {
    static EMPTY: Value = Value::Array(Vec::new());
    let a = a.filter(|v| py::truthy(v)).unwrap_or(&EMPTY);
    let b = b.filter(|v| py::truthy(v)).unwrap_or(&EMPTY);
    match (a, b) {
        (Value::Array(_), Value::Array(_)) | (Value::String(_), Value::String(_)) => {
            let mut items = py::iter(a)?;
            items.extend(py::iter(b)?);
            Ok(items)
        }
        _ => Err(Crash(format!(
            "gold \"actor\" and \"recipient\" must both be lists, found {} and {}",
            py::describe(a),
            py::describe(b)
        ))),
    }
}

/// Evaluation hit a point where Python raises; tells which section.
pub(crate) type DocResult = Result<(), (&'static str, Crash)>;

/// Scores one document into `counts` and `details`.
pub(crate) fn score_doc(
    nc: &NormCache,
    gold: &Value,
    rec: &Value,
    counts: &mut Counts,
    details: &mut Details,
) -> DocResult {
    let in_section = |s: &'static str| move |c: Crash| (s, c);
    let ge = py::iter(py::get_or_list(gold, "entities").map_err(in_section("entities"))?)
        .map_err(in_section("entities"))?;
    let se = py::iter(py::get_or_list(rec, "entities").map_err(in_section("entities"))?)
        .map_err(in_section("entities"))?;
    entities(nc, &ge, &se, counts, details).map_err(in_section("entities"))?;
    times(nc, gold, rec, counts, details).map_err(in_section("times"))?;
    quantities(nc, gold, rec, counts).map_err(in_section("quantities"))?;
    events(nc, gold, rec, &se, counts, details).map_err(in_section("events"))?;
    Ok(())
}

fn entities(
    nc: &NormCache,
    ge: &Items<'_>,
    se: &Items<'_>,
    counts: &mut Counts,
    details: &mut Details,
) -> PyResult<()> {
    let shared = |g: &Value, s: &Value| -> PyResult<usize> {
        let mentions = py::iter(py::item(g, "mentions")?)?;
        let fg = nc.forms_values(mentions.iter().map(|m| m.as_ref()))?;
        let fs = nc.forms_values(&sys_entity_strings(s)?)?;
        Ok(fg.intersection(&fs).count())
    };
    let pairs = greedy_match(
        ge,
        se,
        |g, s| Ok(py::eq(py::item(g, "type")?, get_or_null(s, "type")?) && shared(g, s)? > 0),
        |g, s| Ok(shared(g, s)? as i64),
        |g| optional(g),
    )?;
    tally(ge, se.len(), &pairs, counts, "entities", |g| optional(g))?;

    for t in ["PER", "ORG", "LOC", "MISC"] {
        let mut gi: Vec<&Cow<'_, Value>> = Vec::new();
        for g in ge {
            if py::eq_str(py::item(g, "type")?, t) {
                gi.push(g);
            }
        }
        let mut si: Vec<&Cow<'_, Value>> = Vec::new();
        for s in se {
            if py::eq_str(get_or_null(s, "type")?, t) {
                si.push(s);
            }
        }
        let p = greedy_match(
            &gi,
            &si,
            |g, s| Ok(shared(g, s)? > 0),
            |_, _| Ok(1),
            |g| optional(g),
        )?;
        tally(&gi, si.len(), &p, counts, &format!("entities.{t}"), |g| {
            optional(g)
        })?;
    }

    let mg: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    for (i, g) in ge.iter().enumerate() {
        if !mg.contains(&i) && !optional(g)? {
            details.missed_entities.push(py::item(g, "name")?.clone());
        }
    }
    let ms: HashSet<usize> = pairs.iter().map(|p| p.1).collect();
    for (i, s) in se.iter().enumerate() {
        if !ms.contains(&i) {
            details.spurious_entities.push(format!(
                "{}:{}",
                py::str_opt(py::get(s, "type")?),
                py::str_opt(py::get(s, "name")?)
            ));
        }
    }
    Ok(())
}

fn times(
    nc: &NormCache,
    gold: &Value,
    rec: &Value,
    counts: &mut Counts,
    details: &mut Details,
) -> PyResult<()> {
    let gt = py::iter(py::get_or_list(gold, "times")?)?;
    let st = py::iter(py::get_or_list(rec, "times")?)?;
    let detect = |g: &Cow<'_, Value>, s: &Cow<'_, Value>| {
        nc.overlaps_values(py::item(g, "text")?, get_or_empty_str(s, "text")?)
    };
    let same_value = |g: &Cow<'_, Value>, s: &Cow<'_, Value>| -> PyResult<bool> {
        Ok(tval_value(py::get(s, "value")?) == tval_value(Some(py::item(g, "value")?)))
    };
    let tscore = |g: &Cow<'_, Value>, s: &Cow<'_, Value>| -> PyResult<i64> {
        let same_text = nc.norm_value(py::item(g, "text")?)?.norm
            == nc.norm_value(get_or_empty_str(s, "text")?)?.norm;
        Ok(if same_text { 2 } else { 1 } + i64::from(same_value(g, s)?))
    };
    let pairs = greedy_match(&gt, &st, detect, tscore, |g| optional(g))?;
    tally(&gt, st.len(), &pairs, counts, "times.detect", |g| {
        optional(g)
    })?;
    let strict = greedy_match(
        &gt,
        &st,
        |g, s| Ok(detect(g, s)? && same_value(g, s)?),
        tscore,
        |g| optional(g),
    )?;
    tally(&gt, st.len(), &strict, counts, "times.strict", |g| {
        optional(g)
    })?;
    let ok_g: HashSet<usize> = strict.iter().map(|p| p.0).collect();
    for (i, g) in gt.iter().enumerate() {
        if !ok_g.contains(&i) && !optional(g)? {
            details.wrong_times.push(format!(
                "{}={}",
                py::str_of(py::item(g, "text")?),
                py::str_of(py::item(g, "value")?)
            ));
        }
    }
    Ok(())
}

/// A gold bound or value that Python compares with `<=` or subtracts: must be a number.
fn gold_num(v: &Value, key: &str) -> PyResult<py::Num> {
    py::as_num(v).ok_or_else(|| {
        Crash(format!(
            "gold quantity \"{key}\" must be a number, found {}",
            py::describe(v)
        ))
    })
}

fn quantities(nc: &NormCache, gold: &Value, rec: &Value, counts: &mut Counts) -> PyResult<()> {
    use std::cmp::Ordering::{Equal, Less};
    let qok = |g: &Cow<'_, Value>, s: &Cow<'_, Value>| -> PyResult<bool> {
        let v = py::get(s, "value")?;
        if !nc.overlaps_values(py::item(g, "text")?, get_or_empty_str(s, "text")?)? {
            return Ok(false);
        }
        let Some(v) = v.and_then(py::as_num) else {
            return Ok(false);
        };
        if py::get(g, "min")?.is_some() {
            let lo = gold_num(py::item(g, "min")?, "min")?;
            if !matches!(py::num_cmp(lo, v), Some(Less | Equal)) {
                return Ok(false);
            }
            let hi = match py::get(g, "max")? {
                None => py::Num::Float(f64::INFINITY),
                Some(m) => gold_num(m, "max")?,
            };
            return Ok(matches!(py::num_cmp(v, hi), Some(Less | Equal)));
        }
        Ok(py::num_close(v, gold_num(py::item(g, "value")?, "value")?))
    };
    let gq = py::iter(py::get_or_list(gold, "quantities")?)?;
    let sq = py::iter(py::get_or_list(rec, "quantities")?)?;
    let pairs = greedy_match(&gq, &sq, qok, |_, _| Ok(1), |g| optional(g))?;
    tally(&gq, sq.len(), &pairs, counts, "quantities", |g| optional(g))
}

/// `(s.get("trigger") or {}).get("text", "")`.
fn sys_trigger(s: &Value) -> PyResult<&Value> {
    Ok(py::get_in_or_empty(py::get(s, "trigger")?, "text")?.unwrap_or(&EMPTY_STR))
}

/// The trigger test shared by `vok` and `vscore`.
fn trigger_overlaps(nc: &NormCache, g: &Value, s: &Value) -> PyResult<bool> {
    let trig = sys_trigger(s)?;
    Ok(py::truthy(trig)
        && py::get_truthy(g, "trigger")?
        && nc.overlaps_values(py::item(g, "trigger")?, trig)?)
}

/// `tval((s.get("date") or {}).get("value")) == tval(g["date"])`.
fn date_equal(g: &Value, s: &Value) -> PyResult<bool> {
    let sv = py::get_in_or_empty(py::get(s, "date")?, "value")?;
    Ok(tval_value(sv) == tval_value(Some(py::item(g, "date")?)))
}

fn events(
    nc: &NormCache,
    gold: &Value,
    rec: &Value,
    se: &Items<'_>,
    counts: &mut Counts,
    details: &mut Details,
) -> PyResult<()> {
    let ents = Ents::new(se)?;
    let gv = py::iter(py::get_or_list(gold, "events")?)?;
    let sv = py::iter(py::get_or_list(rec, "events")?)?;
    let vok = |g: &Cow<'_, Value>, s: &Cow<'_, Value>| -> PyResult<bool> {
        if !py::eq(py::item(g, "type")?, get_or_null(s, "type")?) {
            return Ok(false);
        }
        if trigger_overlaps(nc, g, s)? {
            return Ok(true);
        }
        let gp = concat_roles(py::get(g, "actor")?, py::get(g, "recipient")?)?;
        let mut sp = arg_strings(py::get(s, "actor")?, &ents)?;
        sp.extend(arg_strings(py::get(s, "recipient")?, &ents)?);
        any_overlap(nc, gp.iter().map(|c| c.as_ref()), &sp)
    };
    let vscore = |g: &Cow<'_, Value>, s: &Cow<'_, Value>| -> PyResult<i64> {
        let mut sc = if trigger_overlaps(nc, g, s)? { 3 } else { 0 };
        for role in ["actor", "recipient", "location"] {
            let ss = arg_strings(py::get(s, role)?, &ents)?;
            for x in py::iter_or_empty(py::get(g, role)?)? {
                if any_overlap(nc, [x.as_ref()], &ss)? {
                    sc += 1;
                }
            }
        }
        if py::get_truthy(g, "date")? && date_equal(g, s)? {
            sc += 1;
        }
        Ok(sc)
    };
    let vpairs = greedy_match(&gv, &sv, vok, vscore, |g| optional(g))?;
    tally(&gv, sv.len(), &vpairs, counts, "events", |g| optional(g))?;

    for &(gi, si) in &vpairs {
        let (Some(g), Some(s)) = (gv.get(gi), sv.get(si)) else {
            continue;
        };
        if optional(g)? {
            continue;
        }
        for role in ["actor", "recipient", "location"] {
            if py::get_truthy(g, role)? {
                let xs = py::iter(py::item(g, role)?)?;
                let ys = arg_strings(py::get(s, role)?, &ents)?;
                let hit = any_overlap(nc, xs.iter().map(|c| c.as_ref()), &ys)?;
                let c = counts.acc(&format!("args.{role}"));
                c[1] += 1;
                c[0] += u64::from(hit);
            }
        }
        if py::get_truthy(g, "date")? {
            let hit = date_equal(g, s)?;
            let c = counts.acc("args.date");
            c[1] += 1;
            c[0] += u64::from(hit);
        }
        // g.get("attribution", {}).get("stance"): a present but non-dict value raises
        let gstance = match py::get(g, "attribution")? {
            None => None,
            Some(a) => py::get(a, "stance")?,
        };
        if let Some(gstance) = gstance.filter(|v| py::truthy(v)) {
            let sstance = py::get_in_or_empty(py::get(s, "attribution")?, "stance")?;
            let hit = py::eq(sstance.unwrap_or(&NULL), gstance);
            let c = counts.acc("args.stance");
            c[1] += 1;
            c[0] += u64::from(hit);
        }
        if py::get_truthy(g, "disputed_by")? {
            let xs = py::iter(py::item(g, "disputed_by")?)?;
            let mut ys = Vec::new();
            for d in py::iter_or_empty(py::get(s, "disputed_by")?)? {
                ys.push(get_or_empty_str(&d, "text")?.clone());
            }
            let hit = any_overlap(nc, xs.iter().map(|c| c.as_ref()), &ys)?;
            let c = counts.acc("args.disputed");
            c[1] += 1;
            c[0] += u64::from(hit);
        }
    }

    let mv: HashSet<usize> = vpairs.iter().map(|p| p.0).collect();
    for (i, g) in gv.iter().enumerate() {
        if !mv.contains(&i) && !optional(g)? {
            details.missed_events.push(format!(
                "{}:{}:{}",
                py::str_of(py::item(gold, "id")?),
                py::str_of(py::item(g, "id")?),
                py::str_of(py::item(g, "type")?)
            ));
        }
    }
    Ok(())
}
