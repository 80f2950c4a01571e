//! The closed-class lexicon of the time and number grammars, and the per-token view the
//! grammars read.
//!
//! Every word the grammars know (number words, ordinals, month names of the four Arabic
//! month systems, weekdays, time units, relative adjectives, modifiers, parts of day,
//! seasons, function words) is one key of a single hash map, folded with
//! [`rasd_text::fold`] when the map is built (once, in a `LazyLock`). A key maps to an
//! [`Entry`] that can carry several readings at once («ثانية» is the ordinal *second* and
//! the time unit *second*; the grammar picks by context).
//!
//! [`analyse`] looks every token of a document up once: the normalised word first, then
//! with its conjunction, preposition and article stripped (و/ف, ب/ل/ك, ال, لل), least
//! stripped first, so «والعشرين» finds «عشرين» with the conjunction and article flags set.
//! Lookups slice the normalised text and allocate nothing per token.

use crate::units;
use rasd_doc::{Document, TokenKind};
use rasd_text::fold;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A small, fast non-cryptographic hasher (FxHash) for the lexicon's short keys.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(a)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.0 = h;
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash map with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// How a cardinal number word combines with its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardKind {
    /// 0–9 (and «أحد/إحدى/اثنا» that only start a teen).
    Unit,
    /// «عشر/عشرة»: 10, or the second word of a teen.
    Ten,
    /// 20, 30 … 90.
    Tens,
    /// 100 … 900 (one word), and the duals «مائتان» and «ألفان» that add like them.
    Hundred,
    /// A multiplier: ألف, مليون, مليار, تريليون (and their plurals).
    Mult,
}

/// A cardinal number word.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Card {
    /// Its value.
    pub v: f64,
    /// How it combines.
    pub kind: CardKind,
    /// Only valid as the first word of a teen («أحد عشر», «اثنا عشر»).
    pub teen_only: bool,
    /// Feminine form (hours are feminine: «الواحدة»).
    pub fem: bool,
}

/// Calendar of a month name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cal {
    /// Gregorian (all regional name systems).
    Greg,
    /// Hijri.
    Hijri,
}

/// First word of a two-word month name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthHead {
    /// كانون (الثاني = January, الأول = December).
    Kanun,
    /// تشرين (الأول = October, الثاني = November).
    Tishrin,
    /// ربيع (الأول = 3, الثاني/الآخر = 4).
    Rabi,
    /// جمادى (الأولى = 5, الثانية/الآخرة = 6).
    Jumada,
    /// ذو/ذي (القعدة = 11, الحجة = 12).
    Dhu,
}

/// A time unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TUnit {
    /// Second.
    Second,
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Day.
    Day,
    /// Week.
    Week,
    /// Month.
    Month,
    /// Year.
    Year,
    /// Decade.
    Decade,
    /// Century.
    Century,
}

/// Grammatical number of a time-unit word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cnt {
    /// Singular («يوم»).
    One,
    /// Dual («يومين»): counts two by itself.
    Two,
    /// Plural («أيام»).
    Many,
}

/// Relative adjective after a time noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    /// الماضي، المنصرم، الفائت …
    Past,
    /// المقبل، القادم …
    Next,
    /// الجاري، الحالي، هذا …
    This,
    /// التالي: the one after the narrative anchor.
    Following,
    /// السابق: the one before the narrative anchor.
    Preceding,
    /// الأخير/الأخيرة: the last, recent.
    Last,
}

/// A TIMEX3 modifier word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mod {
    /// منتصف، أواسط.
    Mid,
    /// مطلع، بداية، أوائل …
    Start,
    /// أواخر، نهاية …
    End,
    /// حوالي، نحو …
    Approx,
}

impl Mod {
    /// The TIMEX3 `mod` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Mod::Mid => "MID",
            Mod::Start => "START",
            Mod::End => "END",
            Mod::Approx => "APPROX",
        }
    }
}

/// Deictic day words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deictic {
    /// اليوم.
    Today,
    /// أمس، البارحة.
    Yesterday,
    /// غدا، الغد.
    Tomorrow,
    /// الليلة.
    Tonight,
    /// الآن، حاليا.
    Now,
    /// مؤخرا.
    Recently,
    /// قريبا.
    Soon,
}

/// TIMEX3 part of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pod {
    /// Morning (also dawn).
    Mo,
    /// Afternoon (also noon).
    Af,
    /// Evening.
    Ev,
    /// Night.
    Ni,
}

impl Pod {
    /// The TIMEX3 suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            Pod::Mo => "TMO",
            Pod::Af => "TAF",
            Pod::Ev => "TEV",
            Pod::Ni => "TNI",
        }
    }
}

/// Seasons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    /// Spring.
    Sp,
    /// Summer.
    Su,
    /// Autumn.
    Fa,
    /// Winter.
    Wi,
}

impl Season {
    /// The TIMEX3 season code.
    pub fn as_str(self) -> &'static str {
        match self {
            Season::Sp => "SP",
            Season::Su => "SU",
            Season::Fa => "FA",
            Season::Wi => "WI",
        }
    }
}

/// Function words the grammars need by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fw {
    /// في.
    Fi,
    /// منذ، مذ.
    Mundhu,
    /// قبل.
    Qabl,
    /// بعد.
    Baad,
    /// خلال.
    Khilal,
    /// حتى، لغاية، حتي.
    Hatta,
    /// من.
    Min,
    /// إلى.
    Ila,
    /// بين.
    Bayn,
    /// و as a separate word.
    Wa,
    /// عام/سنة as the head of a year («عام 1986»).
    YearNoun,
    /// عامي/سنتي (dual construct: «بين عامي 2010 و2012»).
    YearNounDual,
    /// شهر (head of a month name).
    MonthNoun,
    /// يوم.
    DayNoun,
    /// يومي (dual construct «يومي الخميس والجمعة»).
    DayNounDual,
    /// أيام (plural construct «أيام الجمعة»).
    DaysNoun,
    /// كل.
    Kull,
    /// الساعة.
    Hour,
    /// هذا/هذه.
    This,
    /// م، ميلادي (Common Era marker).
    EraCe,
    /// هـ، هجري، للهجرة (Hijri era marker).
    EraAh,
    /// القرن.
    Century,
    /// فصل (season).
    SeasonNoun,
    /// لمدة، مدة، طوال، طيلة: for the duration of.
    For,
    /// مدى، مدار (in «على مدى»).
    Span,
    /// على.
    Ala,
    /// أول in «أول أمس».
    Awwal,
    /// الـ before a number.
    Al,
    /// إلا (clock: «إلا ربعا»).
    Illa,
    /// نصف.
    Half,
    /// ربع.
    Quarter,
    /// ثلث.
    Third,
    /// دقيقة/دقائق after a clock time.
    Minutes,
    /// عدة، بضعة، بضع: a few (as a count).
    Few,
    /// قليلة/قليل: few (after a plural).
    Little,
    /// أكثر (in «أكثر من»).
    More,
    /// أقل (in «أقل من»).
    Less,
    /// تاريخ، بتاريخ: «on the date of».
    Date,
    /// وقت (in «في وقت سابق»).
    Waqt,
    /// مستقبل، ماض (in «في المستقبل»).
    Future,
    /// الماضي as a noun (in «في الماضي»).
    PastNoun,
    /// منتصف الليل/النهار head handled by Mod::Mid; «نهار».
    Nahar,
}

/// Everything the lexicon knows about one word form.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    /// Cardinal number reading.
    pub card: Option<Card>,
    /// Ordinal reading (1–10) and whether feminine.
    pub ord: Option<(u8, bool)>,
    /// Month name: calendar, month number, and whether the word is ambiguous alone
    /// («مارس» is also a verb, «آب» also *father*).
    pub month: Option<(Cal, u8, bool)>,
    /// First word of a two-word month name.
    pub month_head: Option<MonthHead>,
    /// ISO weekday (Monday = 1).
    pub weekday: Option<u8>,
    /// Time unit and grammatical number.
    pub tunit: Option<(TUnit, Cnt)>,
    /// Relative adjective.
    pub rel: Option<Rel>,
    /// Modifier.
    pub modw: Option<Mod>,
    /// Deictic day word.
    pub deictic: Option<Deictic>,
    /// Part of day and whether the form is only adverbial («صباحا»; «مساء» is both).
    pub pod: Option<(Pod, bool)>,
    /// Season.
    pub season: Option<Season>,
    /// Decade word («السبعينيات» → 7).
    pub decade: Option<u8>,
    /// Function word.
    pub fw: Option<Fw>,
    /// Recurrence adverb («يوميا» → Day).
    pub set: Option<TUnit>,
    /// Quantity unit (index into the units table) and whether the form is a dual.
    pub unit: Option<(u16, bool)>,
    /// A time rule can start at this word (the times stage skips other words at once).
    pub tstart: bool,
    /// A quantity can start at this word.
    pub qstart: bool,
    /// First word of a holiday name («عيد», «رأس» …).
    pub holiday: bool,
}

type Lex = FxMap<String, Entry>;

fn put(m: &mut Lex, words: &[&str], f: impl Fn(&mut Entry)) {
    for w in words {
        let k = fold(w);
        f(m.entry(k).or_default());
    }
}

fn card(v: f64, kind: CardKind) -> Card {
    Card {
        v,
        kind,
        teen_only: false,
        fem: false,
    }
}

fn build() -> Lex {
    let mut m: Lex = FxMap::default();
    use CardKind::*;
    // Cardinals. Masculine and feminine, nominative and oblique/accusative forms.
    let units: &[(&[&str], f64, bool)] = &[
        (&["صفر"], 0.0, false),
        (&["واحد", "واحدا", "واحدًا"], 1.0, false),
        (&["واحدة"], 1.0, true),
        (&["اثنان", "اثنين", "إثنين", "إثنان"], 2.0, false),
        (&["اثنتان", "اثنتين", "ثنتين", "ثنتان"], 2.0, true),
        (&["ثلاثة"], 3.0, false),
        (&["ثلاث"], 3.0, true),
        (&["أربعة"], 4.0, false),
        (&["أربع"], 4.0, true),
        (&["خمسة"], 5.0, false),
        (&["خمس"], 5.0, true),
        (&["ستة"], 6.0, false),
        (&["ست"], 6.0, true),
        (&["سبعة"], 7.0, false),
        (&["سبع"], 7.0, true),
        (&["ثمانية"], 8.0, false),
        (&["ثماني", "ثمان"], 8.0, true),
        (&["تسعة"], 9.0, false),
        (&["تسع"], 9.0, true),
    ];
    for (ws, v, fem) in units {
        put(&mut m, ws, |e| {
            e.card = Some(Card {
                fem: *fem,
                ..card(*v, Unit)
            })
        });
    }
    put(
        &mut m,
        &["أحد", "إحدى", "احدى", "حادي"],
        |e| {
            e.card = Some(Card {
                teen_only: true,
                ..card(1.0, Unit)
            })
        },
    );
    put(
        &mut m,
        &["اثنا", "اثني", "اثنتا", "اثنتي", "إثنا", "إثني"],
        |e| {
            e.card = Some(Card {
                teen_only: true,
                ..card(2.0, Unit)
            })
        },
    );
    // A dozen counts like a unit word: «دزينة من التفاح» = 12.
    put(&mut m, &["دزينة", "دستة"], |e| {
        e.card = Some(card(12.0, Unit))
    });
    put(&mut m, &["عشرة", "عشر"], |e| {
        e.card = Some(card(10.0, Ten))
    });
    let tens: &[(&[&str], f64)] = &[
        (&["عشرون", "عشرين"], 20.0),
        (&["ثلاثون", "ثلاثين"], 30.0),
        (&["أربعون", "أربعين"], 40.0),
        (&["خمسون", "خمسين"], 50.0),
        (&["ستون", "ستين"], 60.0),
        (&["سبعون", "سبعين"], 70.0),
        (&["ثمانون", "ثمانين"], 80.0),
        (&["تسعون", "تسعين"], 90.0),
    ];
    for (ws, v) in tens {
        put(&mut m, ws, |e| e.card = Some(card(*v, Tens)));
    }
    put(
        &mut m,
        &["مائة", "مئة", "مائه", "مية", "المئه"],
        |e| e.card = Some(card(100.0, Hundred)),
    );
    put(
        &mut m,
        &[
            "مائتان",
            "مائتين",
            "مئتان",
            "مئتين",
            "مائتا",
            "مائتي",
            "مئتا",
            "مئتي",
            "مئتيان",
        ],
        |e| e.card = Some(card(200.0, Hundred)),
    );
    let hundreds = [
        ("ثلاث", 300.0),
        ("أربع", 400.0),
        ("خمس", 500.0),
        ("ست", 600.0),
        ("سبع", 700.0),
        ("ثمان", 800.0),
        ("ثماني", 800.0),
        ("تسع", 900.0),
    ];
    for (p, v) in hundreds {
        for h in ["مائة", "مئة"] {
            put(&mut m, &[&format!("{p}{h}")], |e| {
                e.card = Some(card(v, Hundred))
            });
        }
    }
    put(
        &mut m,
        &["ألف", "ألفا", "ألفًا", "آلاف", "ألوف"],
        |e| e.card = Some(card(1e3, Mult)),
    );
    put(&mut m, &["ألفان", "ألفين"], |e| {
        e.card = Some(card(2e3, Hundred))
    });
    put(
        &mut m,
        &["مليون", "مليونا", "ملايين", "ملايين"],
        |e| e.card = Some(card(1e6, Mult)),
    );
    put(&mut m, &["مليونان", "مليونين"], |e| {
        e.card = Some(card(2e6, Hundred))
    });
    put(
        &mut m,
        &["مليار", "مليارا", "مليارات", "بليون", "بلايين", "مليارات"],
        |e| e.card = Some(card(1e9, Mult)),
    );
    put(&mut m, &["ملياران", "مليارين"], |e| {
        e.card = Some(card(2e9, Hundred))
    });
    put(
        &mut m,
        &["تريليون", "ترليون", "تريليونات", "ترليونات"],
        |e| e.card = Some(card(1e12, Mult)),
    );

    // Ordinals 1–10, masculine and feminine.
    let ords: &[(&[&str], &[&str], u8)] = &[
        (&["أول", "اول"], &["أولى", "اولى"], 1),
        (&["ثاني", "ثان"], &["ثانية"], 2),
        (&["ثالث"], &["ثالثة"], 3),
        (&["رابع"], &["رابعة"], 4),
        (&["خامس"], &["خامسة"], 5),
        (&["سادس"], &["سادسة"], 6),
        (&["سابع"], &["سابعة"], 7),
        (&["ثامن"], &["ثامنة"], 8),
        (&["تاسع"], &["تاسعة"], 9),
        (&["عاشر"], &["عاشرة"], 10),
    ];
    for (masc, fem, v) in ords {
        put(&mut m, masc, |e| e.ord = Some((*v, false)));
        put(&mut m, fem, |e| e.ord = Some((*v, true)));
    }
    put(&mut m, &["حادي"], |e| e.ord = Some((1, false)));
    put(&mut m, &["حادية"], |e| e.ord = Some((1, true)));

    // Months. Gregorian: Egyptian/Gulf, Maghrebi (Algeria/Tunisia and Morocco),
    // Levantine/Iraqi.
    let greg: &[(&[&str], u8)] = &[
        (&["يناير", "جانفي", "جانفييه"], 1),
        (&["فبراير", "فيفري", "فبرير"], 2),
        (&["أبريل", "ابريل", "إبريل", "أفريل", "افريل", "ابريل"], 4),
        (&["مايو", "ماي"], 5),
        (&["يونيو", "يونيه", "جوان", "يونيوز"], 6),
        (&["يوليو", "يوليه", "جويلية", "جويلييه", "يوليوز"], 7),
        (&["أغسطس", "اغسطس", "أوت", "اوت", "غشت", "أغسطسْ"], 8),
        (&["سبتمبر", "شتنبر"], 9),
        (&["أكتوبر", "اكتوبر", "أكتوبرْ"], 10),
        (&["نوفمبر", "نونبر"], 11),
        (&["ديسمبر", "دجنبر", "ديسيمبر"], 12),
        (&["شباط"], 2),
        (&["آذار", "اذار"], 3),
        (&["نيسان"], 4),
        (&["أيار", "ايار"], 5),
        (&["حزيران"], 6),
        (&["تموز"], 7),
        (&["أيلول", "ايلول"], 9),
    ];
    for (ws, mo) in greg {
        put(&mut m, ws, |e| e.month = Some((Cal::Greg, *mo, false)));
    }
    // Ambiguous alone: also a verb (مارس «practised»), a noun (آب/أب «father»), a name.
    put(&mut m, &["مارس"], |e| {
        e.month = Some((Cal::Greg, 3, true))
    });
    put(&mut m, &["آب"], |e| e.month = Some((Cal::Greg, 8, true)));
    put(&mut m, &["ماي"], |e| {
        e.month = Some((Cal::Greg, 5, true))
    });
    put(&mut m, &["جوان"], |e| {
        e.month = Some((Cal::Greg, 6, true))
    });
    put(&mut m, &["كانون"], |e| {
        e.month_head = Some(MonthHead::Kanun)
    });
    put(&mut m, &["تشرين"], |e| {
        e.month_head = Some(MonthHead::Tishrin)
    });
    put(&mut m, &["ربيع"], |e| {
        e.month_head = Some(MonthHead::Rabi)
    });
    put(&mut m, &["جمادى", "جمادي"], |e| {
        e.month_head = Some(MonthHead::Jumada)
    });
    put(&mut m, &["ذو", "ذي", "ذا"], |e| {
        e.month_head = Some(MonthHead::Dhu)
    });
    let hijri: &[(&[&str], u8, bool)] = &[
        (&["محرم"], 1, true),
        (&["صفر"], 2, true),
        (&["رجب"], 7, true),
        (&["شعبان"], 8, true),
        // Also a first name («الرئيس رمضان قديروف»): needs a date context.
        (&["رمضان"], 9, true),
        (&["شوال"], 10, false),
    ];
    for (ws, mo, amb) in hijri {
        put(&mut m, ws, |e| e.month = Some((Cal::Hijri, *mo, *amb)));
    }

    // Weekdays (with the article; bare forms only after «يوم»).
    let wd: &[(&[&str], u8)] = &[
        (&["الاثنين", "الإثنين", "الأثنين"], 1),
        (&["الثلاثاء"], 2),
        (&["الأربعاء", "الاربعاء"], 3),
        (&["الخميس"], 4),
        (&["الجمعة"], 5),
        (&["السبت"], 6),
        (&["الأحد"], 7),
    ];
    for (ws, d) in wd {
        put(&mut m, ws, |e| e.weekday = Some(*d));
    }

    // Time units.
    let tu: &[(&[&str], TUnit, Cnt)] = &[
        (&["ثانية"], TUnit::Second, Cnt::One),
        (&["ثوان", "ثواني", "ثوانٍ"], TUnit::Second, Cnt::Many),
        (&["ثانيتين", "ثانيتان"], TUnit::Second, Cnt::Two),
        (&["دقيقة"], TUnit::Minute, Cnt::One),
        (&["دقائق"], TUnit::Minute, Cnt::Many),
        (&["دقيقتين", "دقيقتان"], TUnit::Minute, Cnt::Two),
        (&["ساعة"], TUnit::Hour, Cnt::One),
        (&["ساعات"], TUnit::Hour, Cnt::Many),
        (&["ساعتين", "ساعتان"], TUnit::Hour, Cnt::Two),
        (&["يوم", "يوما", "يومًا"], TUnit::Day, Cnt::One),
        (&["أيام"], TUnit::Day, Cnt::Many),
        (&["يومين", "يومان"], TUnit::Day, Cnt::Two),
        (
            &["أسبوع", "اسبوع", "أسبوعا", "اسبوعا", "إسبوع"],
            TUnit::Week,
            Cnt::One,
        ),
        (&["أسابيع", "اسابيع"], TUnit::Week, Cnt::Many),
        (&["أسبوعين", "أسبوعان", "اسبوعين"], TUnit::Week, Cnt::Two),
        (&["شهر", "شهرا", "شهرًا"], TUnit::Month, Cnt::One),
        (&["أشهر", "شهور"], TUnit::Month, Cnt::Many),
        (&["شهرين", "شهران"], TUnit::Month, Cnt::Two),
        (
            &["عام", "عاما", "عامًا", "سنة", "سنه"],
            TUnit::Year,
            Cnt::One,
        ),
        (&["أعوام", "سنوات", "سنين", "سنون"], TUnit::Year, Cnt::Many),
        (&["عامين", "عامان", "سنتين", "سنتان"], TUnit::Year, Cnt::Two),
        (&["عقد", "عقدا"], TUnit::Decade, Cnt::One),
        (&["عقود"], TUnit::Decade, Cnt::Many),
        (&["عقدين", "عقدان"], TUnit::Decade, Cnt::Two),
        (&["قرن", "قرنا"], TUnit::Century, Cnt::One),
        (&["قرون"], TUnit::Century, Cnt::Many),
        (&["قرنين", "قرنان"], TUnit::Century, Cnt::Two),
    ];
    for (ws, u, c) in tu {
        put(&mut m, ws, |e| e.tunit = Some((*u, *c)));
    }

    let rels: &[(&[&str], Rel)] = &[
        (
            &[
                "الماضي",
                "الماضية",
                "المنصرم",
                "المنصرمة",
                "الفائت",
                "الفائتة",
                "المنقضي",
                "المنقضية",
                "الماضيين",
                "الماضيتين",
                "المنصرمين",
            ],
            Rel::Past,
        ),
        (
            &[
                "المقبل",
                "المقبلة",
                "القادم",
                "القادمة",
                "المقبلين",
                "القادمين",
                "المقبلتين",
                "الآتي",
                "الآتية",
                "المقبلان",
                "القادمان",
            ],
            Rel::Next,
        ),
        (&["الجاري", "الجارية", "الحالي", "الحالية"], Rel::This),
        (
            &[
                "التالي",
                "التالية",
                "الموالي",
                "الموالية",
                "اللاحق",
                "اللاحقة",
            ],
            Rel::Following,
        ),
        (&["السابق", "السابقة"], Rel::Preceding),
        (&["الأخير", "الأخيرة", "الأخيرين", "الأخيرتين"], Rel::Last),
    ];
    for (ws, r) in rels {
        put(&mut m, ws, |e| e.rel = Some(*r));
    }

    let mods: &[(&[&str], Mod)] = &[
        (&["منتصف", "أواسط", "اواسط"], Mod::Mid),
        (
            &[
                "مطلع",
                "بداية",
                "أوائل",
                "اوائل",
                "مستهل",
                "بدايات",
                "مطلع",
                "أول",
                "غرة",
                "مفتتح",
            ],
            Mod::Start,
        ),
        (
            &[
                "أواخر",
                "اواخر",
                "نهاية",
                "نهايات",
                "آخر",
                "ختام",
                "أواخر",
                "خواتيم",
            ],
            Mod::End,
        ),
        (&["حوالي", "حوالى", "نحو", "قرابة", "زهاء"], Mod::Approx),
    ];
    for (ws, md) in mods {
        put(&mut m, ws, |e| e.modw = Some(*md));
    }

    let deic: &[(&[&str], Deictic)] = &[
        (&["اليوم"], Deictic::Today),
        (&["أمس", "الأمس", "البارحة"], Deictic::Yesterday),
        (&["غدا", "غدًا", "غداً", "الغد", "غد"], Deictic::Tomorrow),
        (&["الليلة"], Deictic::Tonight),
        (&["الآن", "حاليا", "حاليًا", "حالياً"], Deictic::Now),
        (&["مؤخرا", "مؤخرًا", "مؤخراً"], Deictic::Recently),
        (&["قريبا", "قريبًا", "قريباً"], Deictic::Soon),
    ];
    for (ws, d) in deic {
        put(&mut m, ws, |e| e.deictic = Some(*d));
    }

    let pods: &[(&[&str], Pod, bool)] = &[
        (&["صباح", "فجر", "ضحى", "صبيحة"], Pod::Mo, false),
        (
            &["صباحا", "صباحًا", "صباحاً", "فجرا", "فجرًا", "فجراً", "ضحى"],
            Pod::Mo,
            true,
        ),
        (&["ظهر", "عصر", "ظهيرة", "الظهيرة"], Pod::Af, false),
        (
            &["ظهرا", "ظهرًا", "ظهراً", "عصرا", "عصرًا", "عصراً"],
            Pod::Af,
            true,
        ),
        (
            &["مساء", "مساءً", "أمسية", "أمسيات", "مساءا"],
            Pod::Ev,
            false,
        ),
        (&["مساء", "مساءً", "مساءا"], Pod::Ev, true),
        (&["ليل", "ليلة"], Pod::Ni, false),
        (&["ليلا", "ليلًا", "ليلاً"], Pod::Ni, true),
    ];
    for (ws, p, adv) in pods {
        put(&mut m, ws, |e| {
            if e.pod.is_none() {
                e.pod = Some((*p, *adv))
            }
        });
    }

    let seasons: &[(&[&str], Season)] = &[
        (&["ربيع"], Season::Sp),
        (&["صيف"], Season::Su),
        (&["خريف"], Season::Fa),
        (&["شتاء"], Season::Wi),
    ];
    for (ws, s) in seasons {
        put(&mut m, ws, |e| e.season = Some(*s));
    }

    let decades: &[(&str, u8)] = &[
        ("عشرينيات", 2),
        ("ثلاثينيات", 3),
        ("أربعينيات", 4),
        ("خمسينيات", 5),
        ("ستينيات", 6),
        ("سبعينيات", 7),
        ("ثمانينيات", 8),
        ("تسعينيات", 9),
        ("عشرينات", 2),
        ("ثلاثينات", 3),
        ("أربعينات", 4),
        ("خمسينات", 5),
        ("ستينات", 6),
        ("سبعينات", 7),
        ("ثمانينات", 8),
        ("تسعينات", 9),
    ];
    for (w, d) in decades {
        put(&mut m, &[w], |e| e.decade = Some(*d));
    }

    let fws: &[(&[&str], Fw)] = &[
        (&["في", "فى"], Fw::Fi),
        (&["منذ", "مذ"], Fw::Mundhu),
        (&["قبل"], Fw::Qabl),
        (&["بعد"], Fw::Baad),
        (&["خلال"], Fw::Khilal),
        (&["حتى", "لغاية", "غاية"], Fw::Hatta),
        (&["من"], Fw::Min),
        (&["إلى", "الى"], Fw::Ila),
        (&["بين"], Fw::Bayn),
        (&["و"], Fw::Wa),
        (&["عامي", "سنتي"], Fw::YearNounDual),
        (&["يومي"], Fw::DayNounDual),
        (&["كل"], Fw::Kull),
        (&["الساعة"], Fw::Hour),
        (&["هذا", "هذه"], Fw::This),
        (&["م", "ميلادي", "ميلادية", "للميلاد"], Fw::EraCe),
        (&["هـ", "ه", "هجري", "هجرية", "للهجرة", "هجريا"], Fw::EraAh),
        (&["القرن"], Fw::Century),
        (&["فصل"], Fw::SeasonNoun),
        (&["لمدة", "مدة", "طوال", "طيلة", "لفترة"], Fw::For),
        (&["مدى", "مدار"], Fw::Span),
        (&["على"], Fw::Ala),
        (&["ال"], Fw::Al),
        (&["إلا", "الا"], Fw::Illa),
        (&["نصف", "النصف"], Fw::Half),
        (&["ربع", "ربعا", "الربع"], Fw::Quarter),
        (&["ثلث", "ثلثا", "الثلث"], Fw::Third),
        (&["عدة", "بضعة", "بضع"], Fw::Few),
        (&["قليلة", "قليل", "قلائل", "معدودة", "العديدة"], Fw::Little),
        (&["أكثر", "اكثر", "أزيد"], Fw::More),
        (&["أقل"], Fw::Less),
        (&["تاريخ", "بتاريخ"], Fw::Date),
        (&["وقت"], Fw::Waqt),
        (&["المستقبل"], Fw::Future),
        (&["نهار", "النهار"], Fw::Nahar),
    ];
    for (ws, f) in fws {
        put(&mut m, ws, |e| e.fw = Some(*f));
    }
    // Words whose function reading sits beside another reading.
    put(&mut m, &["عام", "سنة"], |e| e.fw = Some(Fw::YearNoun));
    put(&mut m, &["شهر"], |e| e.fw = Some(Fw::MonthNoun));
    put(&mut m, &["يوم"], |e| e.fw = Some(Fw::DayNoun));
    put(&mut m, &["أيام"], |e| e.fw = Some(Fw::DaysNoun));
    put(&mut m, &["أول"], |e| e.fw = Some(Fw::Awwal));
    put(&mut m, &["دقيقة", "دقائق"], |e| {
        e.fw = Some(Fw::Minutes)
    });
    put(&mut m, &["الماضي"], |e| e.fw = Some(Fw::PastNoun));

    let sets: &[(&[&str], TUnit)] = &[
        (&["يوميا", "يوميًا", "يومياً"], TUnit::Day),
        (&["أسبوعيا", "أسبوعيًا", "أسبوعياً", "اسبوعيا"], TUnit::Week),
        (&["شهريا", "شهريًا", "شهرياً"], TUnit::Month),
        (&["سنويا", "سنويًا", "سنوياً", "عاميا"], TUnit::Year),
    ];
    for (ws, u) in sets {
        put(&mut m, ws, |e| e.set = Some(*u));
    }

    // Quantity units (data/units.tsv).
    for (id, form, dual) in units::forms() {
        m.entry(form).or_default().unit.get_or_insert((id, dual));
    }
    // Words that start a rule without another reading.
    put(
        &mut m,
        &["بقية", "باقي", "عند", "يقارب", "يناهز"],
        |e| e.tstart = true,
    );
    for w in crate::time::holiday_first_words() {
        let e = m.entry(w).or_default();
        e.tstart = true;
        e.holiday = true;
    }
    put(
        &mut m,
        &[
            "نسبة",
            "سالب",
            "ناقص",
            "ما",
            "لا",
            "يقارب",
            "يناهز",
            "تقريبا",
            "عشرات",
            "مئات",
            "أكثر",
            "أقل",
            "أزيد",
        ],
        |e| e.qstart = true,
    );
    for e in m.values_mut() {
        e.tstart |= e.card.is_some()
            || e.ord.is_some()
            || e.month.is_some()
            || e.month_head.is_some()
            || e.weekday.is_some()
            || e.tunit.is_some()
            || e.modw.is_some()
            || e.deictic.is_some()
            || e.pod.is_some()
            || e.season.is_some()
            || e.decade.is_some()
            || e.set.is_some()
            || matches!(
                e.fw,
                Some(
                    Fw::Fi
                        | Fw::Mundhu
                        | Fw::Qabl
                        | Fw::Baad
                        | Fw::Khilal
                        | Fw::Min
                        | Fw::Bayn
                        | Fw::YearNoun
                        | Fw::YearNounDual
                        | Fw::MonthNoun
                        | Fw::DayNoun
                        | Fw::DaysNoun
                        | Fw::Kull
                        | Fw::Hour
                        | Fw::This
                        | Fw::Century
                        | Fw::SeasonNoun
                        | Fw::For
                        | Fw::Few
                        | Fw::Half
                        | Fw::Quarter
                        | Fw::Awwal
                        | Fw::Al
                )
            );
        e.qstart |= e.card.is_some()
            || e.unit.is_some_and(|u| u.1)
            || e.modw == Some(Mod::Approx)
            || matches!(e.fw, Some(Fw::Few | Fw::More | Fw::Less));
    }
    m
}

/// The lexicon, built once.
pub static LEX: LazyLock<Lex> = LazyLock::new(build);

/// Index of an Arabic letter of the folded alphabet (ء … ي), for the ending filter.
#[inline]
fn letter_index(c: char) -> Option<usize> {
    let u = c as u32;
    (0x621..=0x64A).contains(&u).then(|| (u - 0x621) as usize)
}

/// Index of the last two letters of a word, when both are Arabic letters.
#[inline]
fn ending(w: &str) -> Option<usize> {
    let mut it = w.chars().rev();
    let b = letter_index(it.next()?)?;
    let a = letter_index(it.next()?)?;
    Some(a * 42 + b)
}

/// Which two-letter endings some lexicon key has. Clitic stripping only removes
/// prefixes, so a word whose ending no key has cannot match any variant: most words are
/// rejected with one table read instead of several hash lookups.
static ENDINGS: LazyLock<Vec<bool>> = LazyLock::new(|| {
    let mut v = vec![false; 42 * 42];
    for k in LEX.keys() {
        if let Some(e) = ending(k) {
            v[e] = true;
        }
    }
    v
});

/// What the lexicon and the tokeniser say about one token.
#[derive(Clone, Copy, Debug, Default)]
pub struct Info {
    /// The lexicon entry, if any variant of the word is known.
    pub e: Option<&'static Entry>,
    /// A conjunction (و/ف) was stripped to find the entry.
    pub conj: bool,
    /// A preposition was stripped: `b'b'` ب, `b'l'` ل, `b'k'` ك, 0 none.
    pub prep: u8,
    /// The article ال was stripped.
    pub al: bool,
    /// Value of a digit token.
    pub num: Option<f64>,
    /// Number of integer digits of a digit token (0 otherwise).
    pub ndigits: u8,
    /// The digit token is a plain integer (no separators).
    pub plain_int: bool,
    /// The token is punctuation; its first char.
    pub punct: Option<char>,
}

impl Info {
    /// The entry, or an empty one.
    #[inline]
    pub fn entry(&self) -> &'static Entry {
        static EMPTY: Entry = Entry {
            card: None,
            ord: None,
            month: None,
            month_head: None,
            weekday: None,
            tunit: None,
            rel: None,
            modw: None,
            deictic: None,
            pod: None,
            season: None,
            decade: None,
            fw: None,
            set: None,
            unit: None,
            tstart: false,
            qstart: false,
            holiday: false,
        };
        self.e.unwrap_or(&EMPTY)
    }

    /// True when the token carries no clitic.
    #[inline]
    pub fn bare(&self) -> bool {
        !self.conj && self.prep == 0
    }
}

#[inline]
fn lookup(w: &str) -> Option<&'static Entry> {
    if w.is_empty() {
        return None;
    }
    // A variant whose first two letters begin no key is not hashed at all.
    if let Some(s) = beginning(w) {
        if !STARTS.get(s).copied().unwrap_or(true) {
            return None;
        }
    }
    LEX.get(w)
}

/// Index of the first two letters of a word, when both are Arabic letters.
#[inline]
fn beginning(w: &str) -> Option<usize> {
    let mut it = w.chars();
    let a = letter_index(it.next()?)?;
    let b = letter_index(it.next()?)?;
    Some(a * 42 + b)
}

/// Which two-letter beginnings some lexicon key has.
static STARTS: LazyLock<Vec<bool>> = LazyLock::new(|| {
    let mut v = vec![false; 42 * 42];
    for k in LEX.keys() {
        if let Some(s) = beginning(k) {
            v[s] = true;
        }
    }
    v
});

/// Strips a two-byte Arabic letter `c` from the front of `w`.
#[inline]
fn strip1<'a>(w: &'a str, cs: &[char]) -> Option<&'a str> {
    let c = w.chars().next()?;
    // Arabic letters are two bytes: more than two letters is more than four bytes.
    if cs.contains(&c) && w.len() > 4 {
        w.get(c.len_utf8()..)
    } else {
        None
    }
}

fn prep_of(s: &str) -> Option<(&str, u8)> {
    let c = s.chars().next()?;
    let p = match c {
        'ب' => b'b',
        'ل' => b'l',
        'ك' => b'k',
        _ => return None,
    };
    strip1(s, &[c]).map(|r| (r, p))
}

fn strip_al(s: &str) -> Option<&str> {
    s.strip_prefix("ال").filter(|r| r.len() >= 4)
}

/// Looks a normalised Arabic word up, trying clitic-stripped variants least stripped
/// first. Returns the entry and (conj, prep, al).
pub fn lookup_word(w: &str) -> Option<(&'static Entry, bool, u8, bool)> {
    if let Some(e) = ending(w) {
        if !ENDINGS.get(e).copied().unwrap_or(true) {
            return None;
        }
    }
    if let Some(e) = lookup(w) {
        return Some((e, false, 0, false));
    }
    let conj = strip1(w, &['و', 'ف']);
    if let Some(c) = conj {
        if let Some(e) = lookup(c) {
            return Some((e, true, 0, false));
        }
    }
    let p0 = prep_of(w);
    let p1 = conj.and_then(prep_of);
    if let Some((r, p)) = p0 {
        if let Some(e) = lookup(r) {
            return Some((e, false, p, false));
        }
    }
    if let Some((r, p)) = p1 {
        if let Some(e) = lookup(r) {
            return Some((e, true, p, false));
        }
    }
    let variants = [
        (Some(w), false, 0u8),
        (conj, true, 0),
        (p0.map(|x| x.0), false, p0.map(|x| x.1).unwrap_or(0)),
        (p1.map(|x| x.0), true, p1.map(|x| x.1).unwrap_or(0)),
    ];
    for (v, c, p) in variants {
        if let Some(r) = v.and_then(strip_al) {
            if let Some(e) = lookup(r) {
                return Some((e, c, p, true));
            }
        }
    }
    // لل = ل + ال.
    for (v, c) in [(Some(w), false), (conj, true)] {
        if let Some(r) = v
            .and_then(|s| s.strip_prefix("لل"))
            .filter(|r| r.len() >= 4)
        {
            if let Some(e) = lookup(r) {
                return Some((e, c, b'l', true));
            }
        }
    }
    None
}

/// Parses a digit token («1,500», «3.5», «2,5») into a value; `None` for clock times,
/// slashed dates and other shapes. Returns (value, integer digits, plain integer).
pub fn parse_digits(s: &str) -> Option<(f64, u8, bool)> {
    let b = s.as_bytes();
    if b.is_empty()
        || !b
            .iter()
            .all(|c| c.is_ascii_digit() || *c == b',' || *c == b'.')
    {
        return None;
    }
    let commas = b.iter().filter(|&&c| c == b',').count();
    let dots = b.iter().filter(|&&c| c == b'.').count();
    let groups_ok = |sep: char| {
        let mut parts = s.split(sep);
        let first = parts.next().unwrap_or("");
        !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
    };
    // Which separator (if any) is the decimal point; the others group thousands.
    let plain = commas == 0 && dots == 0;
    let comma_groups = dots == 0 && commas >= 1 && groups_ok(',') && !s.starts_with('0');
    let dot_groups = commas == 0 && dots > 1 && groups_ok('.');
    let decimal: Option<u8> = if plain || comma_groups || dot_groups {
        None
    } else if commas >= 1 && dots == 1 && s.rfind('.') > s.rfind(',') {
        let (i, _) = s.split_once('.')?;
        if !groups_ok_str(i, ',') {
            return None;
        }
        Some(b'.')
    } else if commas == 1 && dots == 0 {
        Some(b',')
    } else if dots == 1 && commas == 0 {
        Some(b'.')
    } else {
        return None;
    };
    // Accumulate without allocating: integer digits, then fraction digits.
    let (mut int, mut frac, mut fd, mut nd, mut in_frac) = (0f64, 0f64, 0i32, 0u32, false);
    for &c in b {
        if Some(c) == decimal {
            in_frac = true;
        } else if c.is_ascii_digit() {
            let d = (c - b'0') as f64;
            if in_frac {
                frac = frac * 10.0 + d;
                fd += 1;
            } else {
                int = int * 10.0 + d;
                nd += 1;
            }
        }
    }
    let nd = u8::try_from(nd).unwrap_or(u8::MAX);
    // One division keeps «38.25» exactly as the parser of a decimal literal would.
    let v = if fd > 0 {
        int + frac / 10f64.powi(fd)
    } else {
        int
    };
    Some((v, nd, commas == 0 && dots == 0))
}

fn groups_ok_str(s: &str, sep: char) -> bool {
    let mut parts = s.split(sep);
    let first = parts.next().unwrap_or("");
    !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
}

/// Looks every token of `doc` up once.
pub fn analyse(doc: &Document) -> Vec<Info> {
    let mut out = Vec::with_capacity(doc.tokens.len());
    for t in &doc.tokens {
        let w = doc.token_norm(t);
        let mut info = Info::default();
        match t.kind {
            TokenKind::Arabic => {
                if let Some((e, c, p, al)) = lookup_word(w) {
                    info.e = Some(e);
                    info.conj = c;
                    info.prep = p;
                    info.al = al;
                }
            }
            TokenKind::Number => {
                if let Some((v, nd, plain)) = parse_digits(w) {
                    info.num = Some(v);
                    info.ndigits = nd;
                    info.plain_int = plain;
                }
            }
            TokenKind::Punct => info.punct = w.chars().next(),
            TokenKind::Latin => {}
        }
        out.push(info);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_are_found_least_stripped_first() {
        let (e, c, p, al) = lookup_word(&fold("والعشرين")).unwrap();
        assert_eq!(e.card.unwrap().v, 20.0);
        assert!(c && al && p == 0);
        let (e, _, p, al) = lookup_word(&fold("بالأمس")).unwrap();
        assert_eq!(e.deictic, Some(Deictic::Yesterday));
        assert!(p == b'b' && !al);
        // The weekday keeps its article; «اثنين» alone is the number two.
        let (e, ..) = lookup_word(&fold("الاثنين")).unwrap();
        assert_eq!(e.weekday, Some(1));
        let (e, ..) = lookup_word(&fold("اثنين")).unwrap();
        assert_eq!(e.card.unwrap().v, 2.0);
        let (e, _, p, al) = lookup_word(&fold("للعام")).unwrap();
        assert_eq!(e.tunit, Some((TUnit::Year, Cnt::One)));
        assert!(p == b'l' && al);
        assert!(lookup_word(&fold("الجزائر")).is_none());
    }

    #[test]
    fn month_systems() {
        for (w, m) in [
            ("جانفي", 1),
            ("فيفري", 2),
            ("أفريل", 4),
            ("جويلية", 7),
            ("أوت", 8),
            ("حزيران", 6),
            ("أيلول", 9),
            ("دجنبر", 12),
        ] {
            let (e, ..) = lookup_word(&fold(w)).unwrap();
            assert_eq!(e.month.map(|x| x.1), Some(m), "{w}");
        }
        let (e, ..) = lookup_word(&fold("رمضان")).unwrap();
        assert_eq!(e.month, Some((Cal::Hijri, 9, true)));
    }

    #[test]
    fn digits() {
        assert_eq!(parse_digits("1,500"), Some((1500.0, 4, false)));
        assert_eq!(parse_digits("3.5"), Some((3.5, 1, false)));
        assert_eq!(parse_digits("4,8"), Some((4.8, 1, false)));
        assert_eq!(parse_digits("0,08"), Some((0.08, 1, false)));
        assert_eq!(parse_digits("1.234.567"), Some((1234567.0, 7, false)));
        assert_eq!(parse_digits("1,234.5"), Some((1234.5, 4, false)));
        assert_eq!(parse_digits("2014"), Some((2014.0, 4, true)));
        assert_eq!(parse_digits("38.25"), Some((38.25, 2, false)));
        assert_eq!(parse_digits("29.7"), Some((29.7, 2, false)));
        assert_eq!(parse_digits("10:30"), None);
        assert_eq!(parse_digits("2016/02/22"), None);
    }
}
