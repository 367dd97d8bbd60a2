"""Calendar words: month names, weekdays, ordinal and number words (Swedish and English)."""
from __future__ import annotations

# Month names and abbreviations, Swedish and English, lower case -> month number. April,
# september, november and december are spelled alike in both languages.
MONTHS: dict[str, int] = {
    # Swedish
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10,
    # abbreviations, Swedish and English
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}

# Month names as the bot writes them in answers.
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december"),
}

# Ordinal words seen in minutes' dates ("Preliminärt andra mars").
ORDINAL_WORDS: dict[str, int] = {
    "första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "femte": 5, "sjätte": 6, "sjunde": 7,
    "åttonde": 8, "nionde": 9, "tionde": 10, "elfte": 11, "tolfte": 12,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
}

# Weekday names -> Monday-based weekday number ("Tisdag nästa vecka").
WEEKDAYS: dict[str, int] = {
    "måndag": 0, "tisdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lördag": 5, "söndag": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}

# Small numbers written as words in relative times ("om två veckor", "in three weeks").
NUMBER_WORDS: dict[str, int] = {
    "en": 1, "ett": 1, "one": 1, "a": 1, "två": 2, "two": 2, "tre": 3, "three": 3, "fyra": 4, "four": 4,
}
