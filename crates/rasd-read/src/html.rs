//! Main-text extraction from HTML pages.
//!
//! Uses `dom_smoothie`, a maintained Rust port of Mozilla's Readability: it scores the
//! page's blocks, keeps the article body and drops scripts, styles, navigation, sidebars
//! and footers. Its plain-text output keeps paragraph breaks, which the sentence splitter
//! relies on. When readability finds no article (a bare fragment), the text of the whole
//! body is used instead, still without scripts and styles.

use crate::ErrorKind;
use dom_smoothie::{Config, Readability, TextMode};

/// Text and metadata extracted from a page.
#[derive(Debug, Default)]
pub struct Page {
    /// Article text.
    pub text: String,
    /// Page title.
    pub title: Option<String>,
    /// Publication time as the page states it.
    pub published: Option<String>,
    /// Declared language.
    pub lang: Option<String>,
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Extracts the main text of an HTML page.
pub fn extract(html: &str) -> Result<Page, ErrorKind> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let mut r =
        Readability::new(html, None, Some(cfg)).map_err(|e| ErrorKind::Html(e.to_string()))?;
    match r.parse() {
        Ok(a) => Ok(Page {
            text: a.text_content.to_string(),
            title: non_empty(&a.title),
            published: a.published_time.as_deref().and_then(non_empty),
            lang: a.lang.as_deref().and_then(non_empty),
        }),
        Err(e) => Err(ErrorKind::Html(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_article_drops_chrome() {
        let html = r#"<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>هجوم في بنغازي</title>
<meta property="article:published_time" content="2014-06-04T10:00:00Z">
<script>var x = "لا تظهر";</script><style>p{color:red}</style></head>
<body><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav>
<article><h1>هجوم في بنغازي</h1>
<p>استهدف هجوم انتحاري مقر قيادة اللواء خليفة حفتر في مدينة بنغازي شرقي ليبيا، وأصيب عدد من الحراس بجروح.</p>
<p>وقالت مصادر أمنية إن الهجوم نفذته جماعة أنصار الشريعة، التي تنشط في المدينة منذ سنوات، وإن التحقيقات جارية.</p>
<p>وأضافت المصادر أن القوات الخاصة طوقت المنطقة بالكامل، ومنعت الدخول إليها حتى إشعار آخر من السلطات.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"#;
        let p = extract(html).unwrap();
        assert!(p.text.contains("استهدف هجوم انتحاري"), "{}", p.text);
        assert!(p.text.contains("طوقت المنطقة"));
        assert!(!p.text.contains("لا تظهر"));
        assert!(!p.text.contains("color:red"));
        assert!(!p.text.contains("جميع الحقوق"));
        assert_eq!(p.title.as_deref(), Some("هجوم في بنغازي"));
        assert_eq!(p.lang.as_deref(), Some("ar"));
    }
}
