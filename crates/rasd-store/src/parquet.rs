//! Parquet export of fused events (cargo feature `parquet`).
//!
//! One row per fused event, so the file loads straight into pandas, polars, DuckDB or
//! Spark. The columns are the ACLED-like CSV columns of [`crate::export`] (text, with
//! empty fields as nulls; coordinates, precision and fatalities typed), followed by
//! typed columns the CSV only has in its `notes`: `date_end`, `n_reports`, `n_sources`,
//! the ranges of the dead/injured/arrested figures, the report documents, and the full
//! fused event as JSON (`json`) so nothing the store knows is lost. Compression: zstd.

use crate::export::{csv_row, CSV_HEADER};
use crate::fusion::FusedEvent;
use crate::{Error, Result};
use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use std::io::Write;
use std::sync::Arc;

/// CSV columns written as 64-bit floats rather than text.
const FLOAT_COLUMNS: [&str; 3] = ["latitude", "longitude", "fatalities"];
/// CSV columns written as 64-bit integers rather than text.
const INT_COLUMNS: [&str; 1] = ["geo_precision"];
/// Size figures whose ranges get their own `_min` / `_max` columns.
const SIZE_KEYS: [&str; 3] = ["dead", "injured", "arrested"];

fn err<E: std::fmt::Display>(e: E) -> Error {
    Error::Export(e.to_string())
}

/// The Arrow schema of the export (also the Parquet schema).
pub fn schema() -> Schema {
    let mut fields: Vec<Field> = CSV_HEADER
        .iter()
        .map(|&h| {
            let t = if FLOAT_COLUMNS.contains(&h) {
                DataType::Float64
            } else if INT_COLUMNS.contains(&h) {
                DataType::Int64
            } else {
                DataType::Utf8
            };
            Field::new(h, t, h != "event_id")
        })
        .collect();
    fields.push(Field::new("date_end", DataType::Utf8, true));
    fields.push(Field::new("n_reports", DataType::Int64, false));
    fields.push(Field::new("n_sources", DataType::Int64, false));
    for k in SIZE_KEYS {
        fields.push(Field::new(format!("{k}_min"), DataType::Float64, true));
        fields.push(Field::new(format!("{k}_max"), DataType::Float64, true));
    }
    fields.push(Field::new("docs", DataType::Utf8, false));
    fields.push(Field::new("json", DataType::Utf8, false));
    Schema::new(fields)
}

/// Field `i` of a CSV row, `None` when empty.
fn cell(r: &[String; 18], i: usize) -> Option<&str> {
    r.get(i).map(String::as_str).filter(|s| !s.is_empty())
}

/// Builds one Arrow record batch holding `events`.
pub fn to_record_batch(events: &[FusedEvent]) -> Result<RecordBatch> {
    let rows: Vec<[String; 18]> = events.iter().map(csv_row).collect();
    let mut cols: Vec<ArrayRef> = Vec::new();
    for (i, h) in CSV_HEADER.iter().enumerate() {
        let col: ArrayRef = if FLOAT_COLUMNS.contains(h) {
            Arc::new(Float64Array::from(
                rows.iter()
                    .map(|r| cell(r, i).and_then(|s| s.parse::<f64>().ok()))
                    .collect::<Vec<_>>(),
            ))
        } else if INT_COLUMNS.contains(h) {
            Arc::new(Int64Array::from(
                rows.iter()
                    .map(|r| cell(r, i).and_then(|s| s.parse::<i64>().ok()))
                    .collect::<Vec<_>>(),
            ))
        } else if *h == "event_id" {
            Arc::new(StringArray::from(
                rows.iter()
                    .map(|r| r.get(i).map(String::as_str).unwrap_or(""))
                    .collect::<Vec<_>>(),
            ))
        } else {
            Arc::new(StringArray::from(
                rows.iter().map(|r| cell(r, i)).collect::<Vec<_>>(),
            ))
        };
        cols.push(col);
    }
    cols.push(Arc::new(StringArray::from(
        events
            .iter()
            .map(|e| e.date_end.as_deref())
            .collect::<Vec<_>>(),
    )));
    cols.push(Arc::new(Int64Array::from(
        events
            .iter()
            .map(|e| e.n_reports as i64)
            .collect::<Vec<_>>(),
    )));
    cols.push(Arc::new(Int64Array::from(
        events
            .iter()
            .map(|e| e.n_sources as i64)
            .collect::<Vec<_>>(),
    )));
    for k in SIZE_KEYS {
        cols.push(Arc::new(Float64Array::from(
            events
                .iter()
                .map(|e| e.size.get(k).map(|r| r.min))
                .collect::<Vec<_>>(),
        )));
        cols.push(Arc::new(Float64Array::from(
            events
                .iter()
                .map(|e| e.size.get(k).map(|r| r.max))
                .collect::<Vec<_>>(),
        )));
    }
    cols.push(Arc::new(StringArray::from(
        events
            .iter()
            .map(|e| {
                let mut docs: Vec<&str> = e.reports.iter().map(|r| r.doc.as_str()).collect();
                docs.sort_unstable();
                docs.dedup();
                docs.join("; ")
            })
            .collect::<Vec<_>>(),
    )));
    let json: Vec<String> = events
        .iter()
        .map(serde_json::to_string)
        .collect::<std::result::Result<_, _>>()?;
    cols.push(Arc::new(StringArray::from(json)));
    RecordBatch::try_new(Arc::new(schema()), cols).map_err(err)
}

/// Writes fused events to `w` as one zstd-compressed Parquet file.
pub fn to_parquet<W: Write + Send>(events: &[FusedEvent], w: W) -> Result<()> {
    let batch = to_record_batch(events)?;
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .build();
    let mut writer = ArrowWriter::try_new(w, batch.schema(), Some(props)).map_err(err)?;
    writer.write(&batch).map_err(err)?;
    writer.close().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Array;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    #[test]
    fn parquet_round_trips_through_the_parquet_reader() {
        let evs = crate::export::tests::events();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.parquet");
        to_parquet(&evs, std::fs::File::create(&path).unwrap()).unwrap();

        let file = std::fs::File::open(&path).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<RecordBatch> = reader.map(|b| b.unwrap()).collect();
        let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
        assert_eq!(rows, evs.len());
        assert_eq!(rows, 2);
        let b = &batches[0];
        let names: Vec<String> = b
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        assert_eq!(&names[..18], &CSV_HEADER.map(String::from)[..]);
        assert!(names.contains(&"n_reports".to_string()));
        assert!(names.contains(&"json".to_string()));

        let col = |n: &str| b.column(b.schema().index_of(n).unwrap()).clone();
        let etype = col("event_type");
        let etype = etype.as_any().downcast_ref::<StringArray>().unwrap();
        let fused = (0..rows)
            .find(|&i| evs[i].n_reports == 2)
            .expect("a fused event");
        assert_eq!(etype.value(fused), csv_row(&evs[fused])[2]);
        let n = col("n_reports");
        let n = n.as_any().downcast_ref::<Int64Array>().unwrap();
        assert_eq!(n.value(fused), 2);
        let dmin = col("dead_min");
        let dmin = dmin.as_any().downcast_ref::<Float64Array>().unwrap();
        let dmax = col("dead_max");
        let dmax = dmax.as_any().downcast_ref::<Float64Array>().unwrap();
        assert_eq!((dmin.value(fused), dmax.value(fused)), (16.0, 46.0));
        let lat = col("latitude");
        let lat = lat.as_any().downcast_ref::<Float64Array>().unwrap();
        assert_eq!(lat.value(fused), 32.12);
        let other = 1 - fused;
        assert!(lat.is_null(other), "an unlocated event has a null latitude");
        let fat = col("fatalities");
        let fat = fat.as_any().downcast_ref::<Float64Array>().unwrap();
        assert_eq!(fat.value(fused), 16.0);
        assert!(fat.is_null(other));
        let docs = col("docs");
        let docs = docs.as_any().downcast_ref::<StringArray>().unwrap();
        assert_eq!(docs.value(fused), "a; b");
        let json = col("json");
        let json = json.as_any().downcast_ref::<StringArray>().unwrap();
        let v: serde_json::Value = serde_json::from_str(json.value(fused)).unwrap();
        assert_eq!(v["reports"].as_array().unwrap().len(), 2);
    }
}
