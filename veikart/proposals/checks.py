"""System checks: the assistant's thesaurus of topics must be readable before a page uses it."""

from django.core import checks


@checks.register("veikart")
def thesaurus_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """VEIKART_CONCEPTS (a municipality's own thesaurus) or the shipped one must parse."""
    from veikart.analysis.concepts import LexiconError, load

    try:
        load()
    except LexiconError as e:
        return [
            checks.Error(
                str(e),
                hint="Fix the file or unset VEIKART_CONCEPTS to use the shipped thesaurus.",
                id="veikart.E001",
            )
        ]
    return []
