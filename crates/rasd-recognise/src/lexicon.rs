//! Closed word classes the name patterns need: titles, organisation heads, function
//! words, place cues, vehicle and media nouns, spelled Latin letters.
//!
//! These are grammar, not names: small sets of common Arabic words that introduce or
//! delimit names («الرئيس …», «وزارة …», «في …»). Each word is listed as written; at
//! start-up it is folded with `rasd_text::fold` and split the way the clitic analyser
//! splits text (an initial ال is the article when the word has at least four letters),
//! so a lookup is one hash probe on a token's stem plus the article flag.
//!
//! Given names are not listed here: [`Lexicon::is_given_name`] reads them from the
//! knowledge base (first words of people's names), so they grow with the curation.

use rasd_doc::{Document, Token, TokenKind};
use rasd_kb::{EntryKind, Kb};
use rasd_text::fold;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Word-class bits.
pub mod class {
    /// Function words, particles, pronouns and speech verbs: they end a name.
    pub const FUNC: u32 = 1;
    /// Titles that take a name directly («الرئيس», «اللواء»).
    pub const TITLE: u32 = 1 << 1;
    /// Title heads that take a complement first («وزير الدفاع …», «قائد الجيش …»).
    pub const TITLE_HEAD: u32 = 1 << 2;
    /// Organisation head nouns («وزارة», «حركة», «الجيش»).
    pub const ORG_HEAD: u32 = 1 << 3;
    /// Polysemous organisation heads that need a longer or named complement
    /// («حركة المرور», «قيادة السيارة» are not organisations).
    pub const ORG_WEAK: u32 = 1 << 4;
    /// National institutions named by head + nationality («الجيش الليبي»).
    pub const ORG_NATIONAL: u32 = 1 << 5;
    /// Generic adjectives that make head + adjective a description («المنظمة الإرهابية»).
    pub const ADJ_GENERIC: u32 = 1 << 6;
    /// Words that announce a place («في», «مدينة», «شمال»).
    pub const LOCATIVE: u32 = 1 << 7;
    /// Compass directions («شمال أفريقيا»).
    pub const DIRECTION: u32 = 1 << 8;
    /// Vehicles, weapons and models: a following foreign name is MISC.
    pub const VEHICLE: u32 = 1 << 9;
    /// Media nouns: a following foreign name is an organisation.
    pub const MEDIA: u32 = 1 << 10;
    /// Operation nouns: a following quoted name is MISC.
    pub const OPERATION: u32 = 1 << 11;
    /// Latin letters spelled in Arabic («يو», «اس», «بي»).
    pub const LETTER: u32 = 1 << 12;
    /// Particles of transliterated foreign names («لو», «دي», «فون»).
    pub const FOREIGN_PARTICLE: u32 = 1 << 13;
    /// Name particles («عبد», «أبو», «بن»).
    pub const NAME_PARTICLE: u32 = 1 << 14;
    /// Role nouns that form nominal mentions of people («الضابط», «العسكري»).
    pub const ROLE: u32 = 1 << 15;
    /// «باسم» in «المتحدث باسم».
    pub const IN_NAME_OF: u32 = 1 << 16;
    /// Settlement nouns that name the kind of place («مدينة», «بلدة»).
    pub const SETTLEMENT: u32 = 1 << 17;
    /// Person-title qualifiers that stay outside the name («السابق», «الراحل»).
    pub const QUALIFIER: u32 = 1 << 18;
}
use class::*;

const L_FUNC_WORDS: &[&str] = &[
    "في",
    "من",
    "إلى",
    "على",
    "عن",
    "مع",
    "ضد",
    "بين",
    "حتى",
    "منذ",
    "خلال",
    "بعد",
    "قبل",
    "عند",
    "لدى",
    "نحو",
    "حول",
    "دون",
    "عبر",
    "وفق",
    "وفقا",
    "حسب",
    "بحسب",
    "إن",
    "أن",
    "أنه",
    "أنها",
    "إنه",
    "إنها",
    "لكن",
    "لكنه",
    "إنما",
    "أنما",
    "سوف",
    "لأن",
    "كما",
    "حيث",
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللواتي",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "هؤلاء",
    "هو",
    "هي",
    "هم",
    "هما",
    "نحن",
    "أنت",
    "ما",
    "ماذا",
    "لماذا",
    "لا",
    "لم",
    "لن",
    "قد",
    "لقد",
    "كان",
    "كانت",
    "يكون",
    "تكون",
    "ليس",
    "ليست",
    "أو",
    "أم",
    "ثم",
    "بل",
    "إذا",
    "إذ",
    "لو",
    "كل",
    "بعض",
    "غير",
    "أي",
    "عام",
    "سنة",
    "يوم",
    "أمس",
    "اليوم",
    "غدا",
    "الآن",
    "أيضا",
    "فقط",
    "جدا",
    "قال",
    "قالت",
    "يقول",
    "تقول",
    "أكد",
    "أكدت",
    "أعلن",
    "أعلنت",
    "أضاف",
    "أضافت",
    "أوضح",
    "أوضحت",
    "أفاد",
    "أفادت",
    "ذكر",
    "ذكرت",
    "أشار",
    "أشارت",
    "وصف",
    "نفى",
    "نفت",
    "ينفي",
    "تنفي",
    "كشف",
    "كشفت",
    "صرح",
    "صرحت",
    "أعرب",
    "أعربت",
    "شدد",
    "شددت",
    "لفت",
    "لفتت",
    "قالوا",
    "أكدوا",
    "تم",
    "هناك",
    "هنا",
    "عندما",
    "بينما",
    "رغم",
    "بسبب",
    "ضمن",
    "لدي",
    "إثر",
    "عقب",
    "فيما",
    "وسط",
    "أمام",
    "خلف",
    "تحت",
    "فوق",
    "لصالح",
    "بشأن",
    "إزاء",
    "تجاه",
    "مثل",
    "سوى",
    "إلا",
    "أكثر",
    "أقل",
    "أول",
    "آخر",
    "الأول",
    "الثاني",
    "يتعلق",
    "الأمر",
    "هل",
    "كيف",
    "متى",
    "أين",
    "نفسه",
    "نفسها",
    "ذاته",
    "عدة",
    "عدد",
    "جميع",
    "معظم",
    "أحد",
    "إحدى",
    "مساء",
    "صباح",
    "ليلة",
    "الماضي",
    "المقبل",
    "الحالي",
    "الجاري",
    "السبت",
    "الأحد",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
    "شهر",
    "أسبوع",
    "ألف",
    "مليون",
    "مئة",
    "مائة",
    "أنا",
    "عشر",
    "عشرة",
    "اثنان",
    "اثنين",
    "ثلاث",
    "ثلاثة",
    "أربع",
    "أربعة",
    "خمس",
    "خمسة",
    "ست",
    "ستة",
    "سبع",
    "سبعة",
    "ثماني",
    "ثمانية",
    "تسع",
    "تسعة",
    "عشرين",
    "ثلاثين",
    "أربعين",
    "خمسين",
    "ستين",
    "سبعين",
    "ثمانين",
    "تسعين",
    "مئات",
    "آلاف",
    "ملايين",
    "عشرات",
    "الشهر",
    "الأسبوع",
    "السنة",
    "الساعة",
    "الليلة",
    "الصباح",
    "المساء",
    "كانون",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين",
    "شبه",
    "كنت",
    "كنا",
    "كانوا",
    "كنتم",
    "يكونوا",
    "أصبح",
    "أصبحت",
    "صار",
    "ظل",
    "بات",
    "أراد",
    "يريد",
    "تريد",
    "أنتم",
    "إياه",
    "الكثير",
    "كثير",
    "قليل",
    "القليل",
    "كثيرا",
    "أيضًا",
    "لدي",
    "إلي",
    "فيه",
    "فيها",
    "منه",
    "منها",
    "عنه",
    "عنها",
    "له",
    "لها",
    "لهم",
    "به",
    "بها",
    "عليه",
    "عليها",
    "إليه",
    "إليها",
    "ذات",
    "نفس",
    "كلا",
    "انظر",
    "بينهم",
    "بينها",
    "حين",
    "حينما",
    "عندها",
    "آنذاك",
    "حاليا",
    "مؤخرا",
    "تماما",
];

const L_TITLES: &[&str] = &[
    "الرئيس",
    "الرئيسة",
    "الملك",
    "الملكة",
    "الأمير",
    "الأميرة",
    "الشيخ",
    "الشيخة",
    "السلطان",
    "الإمام",
    "الوزير",
    "الوزيرة",
    "المشير",
    "الفريق",
    "اللواء",
    "العميد",
    "العقيد",
    "المقدم",
    "الرائد",
    "النقيب",
    "الملازم",
    "الجنرال",
    "الأميرال",
    "الأدميرال",
    "القائد",
    "الزعيم",
    "السفير",
    "السفيرة",
    "المبعوث",
    "المستشار",
    "المستشارة",
    "المدير",
    "المديرة",
    "الدكتور",
    "الدكتورة",
    "الحاج",
    "المفتي",
    "البابا",
    "السيد",
    "السيدة",
    "النائب",
    "النائبة",
    "المرشد",
    "القاضي",
    "المحامي",
    "المحافظ",
    "الوالي",
    "العاهل",
    "الصحفي",
    "الصحافي",
    "الصحفية",
    "الناشط",
    "الناشطة",
    "الكاتب",
    "الكاتبة",
    "المراسل",
    "الداعية",
    "القيادي",
    "المسؤول",
    "الجندي",
    "الرقيب",
    "العريف",
    "المطران",
    "الكاردينال",
    "الحاخام",
    "الأستاذ",
    "المهندس",
    "الأسقف",
    "المتهم",
    "الإرهابي",
    "الشهيد",
    "الراحل",
    "الأمين",
    "المعارض",
    "المرشح",
    "المرشحة",
    "المدعو",
    "المواطن",
    "الطبيب",
    "المحلل",
    "الخبير",
    "الباحث",
    "اللاعب",
    "المدرب",
    "الفنان",
    "الفنانة",
    "الشاعر",
    "الروائي",
    "الممثل",
    "المخرج",
    "الرئيس التنفيذي",
];

const L_TITLE_HEADS: &[&str] = &[
    "رئيس",
    "رئيسة",
    "وزير",
    "وزيرة",
    "نائب",
    "قائد",
    "زعيم",
    "مدير",
    "مديرة",
    "سفير",
    "مبعوث",
    "مستشار",
    "أمين",
    "محافظ",
    "متحدث",
    "ناطق",
    "مساعد",
    "مسؤول",
    "عضو",
    "ولي",
    "أمير",
    "ملك",
    "حاكم",
    "قاضي",
    "مفتي",
    "شيخ",
    "المتحدث",
    "الناطق",
    "المتحدثة",
    "الناطقة",
    "رئيس الوزراء",
    "مندوب",
    "ممثل",
    "منسق",
    "المندوب",
    "الممثل",
    "مفوض",
    "المفوض",
    "سكرتير",
    "وكيل",
    "نقيب",
    "عميد",
    "مرشد",
    "بطريرك",
    "قائدة",
    "أمينة",
];

const L_ORG_HEADS: &[&str] = &[
    "جهة",
    "الجهة",
    "وزارة",
    "جيش",
    "الجيش",
    "قوات",
    "القوات",
    "قوة",
    "حركة",
    "جماعة",
    "تنظيم",
    "حزب",
    "مجلس",
    "وكالة",
    "منظمة",
    "هيئة",
    "كتيبة",
    "كتائب",
    "لواء",
    "ألوية",
    "فوج",
    "مجموعة",
    "جبهة",
    "قيادة",
    "فيلق",
    "الفيلق",
    "فرقة",
    "الفرقة",
    "اتحاد",
    "جمعية",
    "رابطة",
    "تحالف",
    "ائتلاف",
    "مكتب",
    "جهاز",
    "مديرية",
    "إدارة",
    "محكمة",
    "شركة",
    "مؤسسة",
    "صحيفة",
    "مجلة",
    "قناة",
    "إذاعة",
    "مركز",
    "معهد",
    "جامعة",
    "بنك",
    "مصرف",
    "برلمان",
    "البرلمان",
    "حرس",
    "الحرس",
    "سرايا",
    "ميليشيا",
    "مليشيا",
    "ميليشيات",
    "لجنة",
    "مفوضية",
    "سلطة",
    "حكومة",
    "الحكومة",
    "مصلحة",
    "شرطة",
    "الشرطة",
    "استخبارات",
    "الاستخبارات",
    "مخابرات",
    "المخابرات",
    "البحرية",
    "سلاح",
    "كلية",
    "أكاديمية",
    "نقابة",
    "غرفة",
    "وحدة",
    "الوحدة",
    "فصيل",
    "تجمع",
    "تيار",
    "جيش",
    "بعثة",
    "صندوق",
    "برنامج",
    "مجمع",
    "دار",
    "شبكة",
    "حلف",
    "الدرك",
    "الأمن",
    "المنظمة",
    "الحركة",
    "الجماعة",
    "التنظيم",
    "الحزب",
    "المجلس",
    "الوكالة",
    "الهيئة",
    "الكتيبة",
    "اللواء",
    "الفوج",
    "المجموعة",
    "الجبهة",
    "القيادة",
    "الاتحاد",
    "التحالف",
    "المكتب",
    "الجهاز",
    "المحكمة",
    "النيابة",
    "الشركة",
    "المؤسسة",
    "الصحيفة",
    "القناة",
    "الوزارة",
    "اللجنة",
    "السلطة",
    "البعثة",
    "الميليشيا",
    "الكتائب",
    "السرايا",
];

const L_ORG_WEAK_HEADS: &[&str] = &[
    "تنظيم",
    "جهة",
    "الجهة",
    "حركة",
    "قيادة",
    "مجموعة",
    "هيئة",
    "لواء",
    "وحدة",
    "قوات",
    "قوة",
    "مكتب",
    "مركز",
    "سلطة",
    "جهاز",
    "إدارة",
    "سلاح",
    "مصلحة",
    "لجنة",
    "حكومة",
    "غرفة",
    "دار",
    "شبكة",
    "برنامج",
    "صندوق",
    "تجمع",
    "تيار",
    "اتحاد",
    "الحركة",
    "القيادة",
    "المجموعة",
    "الهيئة",
    "اللواء",
    "الوحدة",
    "القوات",
    "المكتب",
    "السلطة",
    "الجهاز",
    "اللجنة",
    "الحكومة",
    "الاتحاد",
    "فرقة",
    "الفرقة",
    "الأمن",
    "جبهة",
    "الجبهة",
];

const L_ORG_NATIONALS: &[&str] = &[
    "الجيش",
    "القوات",
    "الشرطة",
    "الاستخبارات",
    "المخابرات",
    "البحرية",
    "الحرس",
    "الدرك",
    "الحكومة",
    "البرلمان",
    "الأمن",
    "الخارجية",
    "الداخلية",
    "الدفاع",
    "الرئاسة",
    "القضاء",
    "المعارضة",
    "السلطات",
    "البحرية",
    "القوات الجوية",
    "الجوية",
    "الحكومة",
];

const L_ADJ_GENERIC: &[&str] = &[
    "الإرهابية",
    "الإرهابي",
    "المسلحة",
    "المسلح",
    "الجهادية",
    "الجهادي",
    "المتطرفة",
    "المتطرف",
    "الكبرى",
    "الكبير",
    "الجديد",
    "الجديدة",
    "السابق",
    "السابقة",
    "المتقاعد",
    "القديم",
    "القديمة",
    "المعارضة",
    "المعارض",
    "الحاكم",
    "الحاكمة",
    "المتشددة",
    "المتشدد",
    "المحلية",
    "المحلي",
    "الدولية",
    "الدولي",
    "الإقليمية",
    "الإقليمي",
    "الحكومية",
    "الحكومي",
    "النظامية",
    "النظامي",
    "الخاصة",
    "الخاص",
    "العامة",
    "العام",
    "المشتركة",
    "المشترك",
    "المسلحين",
    "الموالية",
    "الموالي",
    "المناهضة",
    "المؤقتة",
    "المؤقت",
    "الانتقالية",
    "الانتقالي",
    "المذكورة",
    "المذكور",
    "نفسها",
    "نفسه",
    "ذاتها",
    "ذاته",
    "الأخرى",
    "الأخير",
    "الأخيرة",
    "الرئيسية",
    "الرئيسي",
    "العسكرية",
    "العسكري",
    "الأمنية",
    "الأمني",
    "البرية",
    "الجوية",
    "المتحاربة",
    "المختلفة",
    "الصغيرة",
    "الصغير",
    "التابعة",
    "التابع",
    "المعنية",
    "المعني",
    "المختصة",
    "المختص",
    "المسؤولة",
    "المسؤول",
];

const L_LOCATIVES: &[&str] = &[
    "في",
    "من",
    "إلى",
    "قرب",
    "بالقرب",
    "داخل",
    "خارج",
    "نحو",
    "باتجاه",
    "اتجاه",
    "مدينة",
    "بلدة",
    "قرية",
    "منطقة",
    "محافظة",
    "ولاية",
    "إقليم",
    "حي",
    "مخيم",
    "ضاحية",
    "عاصمة",
    "العاصمة",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "أطراف",
    "ضواحي",
    "مطار",
    "ميناء",
    "سواحل",
    "حدود",
    "مدن",
    "بلدات",
    "قرى",
    "ريف",
    "محيط",
    "مشارف",
    "أنحاء",
    "دولة",
    "جمهورية",
    "مملكة",
    "إمارة",
    "سلطنة",
    "عاصمتها",
    "بلدية",
    "دائرة",
    "مديرية",
    "قضاء",
    "ناحية",
    "مقاطعة",
    "جزيرة",
    "وادي",
    "جبل",
    "سهل",
    "المدينة",
    "البلدة",
    "القرية",
    "المنطقة",
    "المحافظة",
    "الولاية",
    "الإقليم",
    "الحي",
    "المخيم",
    "الدولة",
    "الجمهورية",
    "المملكة",
    "إمارة",
    "غربي",
    "زار",
    "يزور",
    "وصل",
    "غادر",
    "بمدينة",
    "بلدان",
    "دول",
];

const L_SETTLEMENTS: &[&str] = &[
    "مدينة",
    "بلدة",
    "قرية",
    "منطقة",
    // Duals before two names («منطقتي الزوية والصكرة»).
    "منطقتي",
    "مدينتي",
    "بلدتي",
    "قريتي",
    "محافظة",
    "ولاية",
    "إقليم",
    "حي",
    "مخيم",
    "ضاحية",
    "بلدية",
    "دائرة",
    "مديرية",
    "قضاء",
    "ناحية",
    "مقاطعة",
    "جزيرة",
    "وادي",
    "جبل",
    "عاصمة",
    "المدينة",
    "البلدة",
    "القرية",
    "المنطقة",
    "المحافظة",
    "الولاية",
    "الإقليم",
    "الحي",
    "العاصمة",
    "مدن",
    "بلدات",
    "قرى",
    "ريف",
    "مطار",
    "ميناء",
];

const L_DIRECTIONS: &[&str] = &[
    "شمالية",
    "جنوبية",
    "شرقية",
    "غربية",
    "الشمالية",
    "الجنوبية",
    "الشرقية",
    "الغربية",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "الشمال",
    "الجنوب",
    "الشرق",
    "الغرب",
    "الوسط",
    "الوسطى",
    "شمال شرق",
    "شمال غرب",
    "جنوب شرق",
    "جنوب غرب",
];

const L_VEHICLES: &[&str] = &[
    "سفينة",
    "السفينة",
    "البارجة",
    "بارجة",
    "المدمرة",
    "مدمرة",
    "الفرقاطة",
    "فرقاطة",
    "الغواصة",
    "غواصة",
    "حاملة",
    "طائرة",
    "الطائرة",
    "طائرات",
    "الطائرات",
    "مروحية",
    "المروحية",
    "مروحيات",
    "صاروخ",
    "الصاروخ",
    "صواريخ",
    "دبابة",
    "الدبابة",
    "دبابات",
    "مقاتلة",
    "المقاتلة",
    "مقاتلات",
    "طراز",
    "نوع",
    "قمر",
    "القمر",
    "الناقلة",
    "ناقلة",
    "منظومة",
    "المنظومة",
    "مدرعة",
    "مدرعات",
    "زورق",
    "الزورق",
    "سفن",
    "تدعى",
    "يدعى",
    "المسماة",
    "المسمى",
];

const L_MEDIA: &[&str] = &[
    "صحيفة",
    "الصحيفة",
    "مجلة",
    "المجلة",
    "قناة",
    "القناة",
    "وكالة",
    "موقع",
    "إذاعة",
    "تلفزيون",
    "شبكة",
    "جريدة",
    "الجريدة",
    "لصحيفة",
    "أسبوعية",
    "يومية",
];

const L_OPERATIONS: &[&str] = &[
    "عملية",
    "العملية",
    "حملة",
    "الحملة",
    "معركة",
    "المعركة",
    "عمليات",
    "مناورات",
    "المناورات",
    "مناورة",
];

const L_LETTERS: &[&str] = &[
    "يو",
    "إس",
    "اس",
    "بي",
    "سي",
    "دي",
    "إف",
    "جي",
    "إتش",
    "اتش",
    "جاي",
    "كاي",
    "كيه",
    "آر",
    "تي",
    "دبليو",
    "إكس",
    "واي",
    "زد",
    "إيه",
    "آي",
    "كيو",
    "إل",
    "زي",
    "إي",
    "إيه",
];

const L_FOREIGN_PARTICLES: &[&str] = &[
    "لو", "لا", "لي", "دي", "دو", "دا", "فون", "فان", "ذا", "إل", "لاس", "لوس", "سان", "دير", "دل",
    "ديل", "سانت", "لوه",
];

const L_NAME_PARTICLES: &[&str] = &[
    "عبد",
    "أبو",
    "أبي",
    "ابن",
    "بن",
    "بنت",
    "ولد",
    "آل",
    "أم",
    "عبدال",
    "ابو",
];

const L_ROLES: &[&str] = &[
    "الضابط",
    "العسكري",
    "المحارب",
    "القائد",
    "اللواء",
    "العقيد",
    "العميد",
    "الجنرال",
    "المشير",
    "الزعيم",
    "الرئيس",
    "الوزير",
    "الأمير",
    "الملك",
    "الشيخ",
    "الرجل",
    "السياسي",
    "الدبلوماسي",
    "المسؤول",
    "الفريق",
    "النائب",
    "السفير",
    "المبعوث",
    "الإرهابي",
    "القيادي",
    "الجهادي",
    "المتهم",
    "الضابطة",
    // Indefinite role nouns of sport news: heads of a genitive («مدرب الفريق»), never
    // part of the name before them («اليوناني دونيس مدرب الفريق»).
    "مدرب",
    "مدربة",
    "لاعب",
    "لاعبة",
    "مهاجم",
    "مدافع",
];

const L_QUALIFIERS: &[&str] = &[
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الثاني",
    "السابق",
    "السابقة",
    "الأسبق",
    "الراحل",
    "الراحلة",
    "المتقاعد",
    "المنتهية",
    "المكلف",
    "المكلفة",
    "الحالي",
    "الحالية",
    "الجديد",
    "الجديدة",
    "المستقيل",
    "المقال",
    "المخلوع",
    "المعزول",
    "الأعلى",
    "العام",
    "المساعد",
    "الأول",
    "الفخري",
    "المنتخب",
    "المؤقت",
    "بالوكالة",
    "القديم",
    "السابقين",
];

/// The closed word classes, indexed by folded stem.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// stem → (classes when the word carries the article, classes without it).
    words: FxHashMap<String, (u32, u32)>,
    /// Given names from the knowledge base (folded).
    given: FxHashSet<String>,
}

/// Splits a folded word like the clitic analyser: the article ال is split off when the
/// word has at least four letters.
fn split_article(w: &str) -> (bool, &str) {
    match w.strip_prefix("ال") {
        Some(rest) if w.chars().count() >= 4 => (true, rest),
        _ => (false, w),
    }
}

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

impl Lexicon {
    /// The shared lexicon (given names from the embedded knowledge base).
    pub fn get() -> &'static Lexicon {
        LEXICON.get_or_init(|| Lexicon::new(Kb::get()))
    }

    /// Builds the lexicon with given names from `kb`.
    pub fn new(kb: &Kb) -> Lexicon {
        let mut lx = Lexicon::default();
        let lists: [(&[&str], u32); 19] = [
            (L_FUNC_WORDS, FUNC),
            (L_TITLES, TITLE),
            (L_TITLE_HEADS, TITLE_HEAD),
            (L_ORG_HEADS, ORG_HEAD),
            (L_ORG_WEAK_HEADS, ORG_WEAK),
            (L_ORG_NATIONALS, ORG_NATIONAL),
            (L_ADJ_GENERIC, ADJ_GENERIC),
            (L_LOCATIVES, LOCATIVE),
            (L_DIRECTIONS, DIRECTION),
            (L_VEHICLES, VEHICLE),
            (L_MEDIA, class::MEDIA),
            (L_OPERATIONS, OPERATION),
            (L_LETTERS, LETTER),
            (L_FOREIGN_PARTICLES, FOREIGN_PARTICLE),
            (L_NAME_PARTICLES, NAME_PARTICLE),
            (L_ROLES, ROLE),
            (&["باسم"], IN_NAME_OF),
            (L_SETTLEMENTS, SETTLEMENT),
            (L_QUALIFIERS, QUALIFIER),
        ];
        for (list, bit) in lists {
            for w in list {
                let f = fold(w);
                if f.contains(' ') {
                    continue; // multi-word entries are matched by the patterns themselves
                }
                let (al, stem) = split_article(&f);
                let e = lx.words.entry(stem.to_string()).or_default();
                if al {
                    e.0 |= bit;
                    // Adjectives and qualifiers keep their class without the article
                    // («منظمة إرهابية», «جماعة مسلحة»).
                    if bit & (ADJ_GENERIC | QUALIFIER | DIRECTION) != 0 {
                        e.1 |= bit;
                    }
                } else {
                    e.1 |= bit;
                    // Directions are adjectives too: «غربي» also as «الغربي».
                    if bit & DIRECTION != 0 {
                        e.0 |= bit;
                    }
                }
            }
        }
        for i in 0..kb.len() as u32 {
            let Some(e) = kb.entry(i) else { continue };
            if e.kind() != Some(EntryKind::Person) {
                continue;
            }
            let f = e.name_folded();
            if let Some((first, _)) = f.split_once(' ') {
                if !first.is_empty() {
                    lx.given.insert(first.to_string());
                }
            }
        }
        // Particles never count as given names on their own.
        for p in L_NAME_PARTICLES {
            lx.given.remove(&fold(p));
        }
        lx
    }

    /// Classes of a folded stem, given whether the token carries the article.
    #[inline]
    pub fn classes_of(&self, stem: &str, article: bool) -> u32 {
        match self.words.get(stem) {
            Some(&(al, bare)) => {
                if article {
                    al
                } else {
                    bare
                }
            }
            None => 0,
        }
    }

    /// Classes of a stem with or without the article (any reading).
    pub fn classes_any(&self, stem: &str) -> u32 {
        self.words.get(stem).map(|&(a, b)| a | b).unwrap_or(0)
    }

    /// Classes of token `t` of `doc` (looked up by stem and article; a preposition
    /// ب/ل/ك the analyser left on the word is tried off too, except for function words).
    pub fn classes(&self, doc: &Document, t: &Token) -> u32 {
        self.lookup(doc, t).0
    }

    /// Classes of token `t` and the normalised byte offset where the lexicon word starts
    /// inside it (after the proclitics the analyser found; at the token start when the
    /// analyser's و/ف is really the word's first letter, «وكالة»; after a preposition
    /// the analyser left on the word, «لوزارة»).
    pub fn lookup(&self, doc: &Document, t: &Token) -> (u32, usize) {
        let start = crate::spans::name_start(t);
        if t.kind != TokenKind::Arabic {
            return (0, start);
        }
        let stem = doc.token_stem(t);
        let article = t.al_len > 0;
        let c = self.classes_of(stem, article);
        if c != 0 || article {
            return (c, start);
        }
        // The analyser may strip a و/ف that belongs to the word («وكالة» read as و + ك +
        // «اله»): try the whole word.
        if t.pre_len > 0 {
            let (al, s) = split_article(doc.token_norm(t));
            let whole = self.classes_of(s, al);
            if whole != 0 {
                return (whole, t.norm.start);
            }
        }
        // «لوزير», «بمدينة»: a preposition the analyser did not split.
        let mut chars = stem.chars();
        if let Some(p @ ('ب' | 'ل' | 'ك')) = chars.next() {
            if chars.clone().count() >= 3 {
                let rest = chars.as_str();
                let (al, s) = split_article(rest);
                let c = self.classes_of(s, al) & !FUNC;
                if c != 0 {
                    return (c, start + p.len_utf8());
                }
            }
        }
        (c, start)
    }

    /// True when token `t` is a preposition glued to a function word («بأي», «لأن»,
    /// «كأن»).
    pub fn func_after_prep(&self, doc: &Document, t: &Token) -> bool {
        if t.kind != TokenKind::Arabic || t.al_len > 0 {
            return false;
        }
        let w = doc.token_norm(t);
        let rest = w
            .strip_prefix(['و', 'ف'])
            .filter(|r| r.chars().count() >= 2)
            .unwrap_or(w);
        match rest.strip_prefix(['ب', 'ل', 'ك']) {
            Some(r) if r.chars().count() >= 2 => {
                let (al, s) = split_article(r);
                self.classes_of(s, al) & FUNC != 0
            }
            _ => false,
        }
    }

    /// True when `folded` is a given name in the knowledge base.
    pub fn is_given_name(&self, folded: &str) -> bool {
        self.given.contains(folded)
    }

    /// Number of given names known.
    pub fn num_given_names(&self) -> usize {
        self.given.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        rasd_text::analysed(text)
    }

    #[test]
    fn classes_follow_the_article_and_clitics() {
        let lx = Lexicon::new(Kb::get());
        let d = doc("والرئيس وزير للرئيس لوزارة رئيس في الذي وكالة");
        let c: Vec<u32> = d.tokens.iter().map(|t| lx.classes(&d, t)).collect();
        assert!(c[0] & TITLE != 0, "والرئيس");
        assert!(c[1] & TITLE_HEAD != 0, "وزير");
        assert!(c[2] & TITLE != 0, "للرئيس");
        assert!(c[3] & ORG_HEAD != 0, "لوزارة");
        assert!(c[4] & TITLE == 0 && c[4] & TITLE_HEAD != 0, "رئيس");
        assert!(c[5] & FUNC != 0 && c[5] & LOCATIVE != 0, "في");
        assert!(c[6] & FUNC != 0, "الذي");
        assert!(c[7] & ORG_HEAD != 0, "وكالة");
    }
}
