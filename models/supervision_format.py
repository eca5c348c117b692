from odoo.tools import format_date


def long_date(env, value):
    """A date as written inside a sentence: 2026年11月20日 in Chinese,
    November 20, 2026 in English; in the language the sentence itself is
    translated into (``_()`` falls back to the user's language)."""
    if not value:
        return ""
    lang = env.lang or env.user.lang
    return format_date(env, value, lang_code=lang, date_format="long")
