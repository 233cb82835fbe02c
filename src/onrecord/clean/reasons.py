"""The vocabulary of :attr:`onrecord.models.Removal.reason`: short kebab-case words, fixed here.

``title``                 the headline (reported as :attr:`CleanText.title`, not part of the body)
``duplicate-title``       another copy of the headline
``navigation``            menus, skip links, buttons, pagers, gallery controls
``advertisement``         ad slots and sponsored-content labels
``newsletter``            newsletter / mailing-list boxes, including their sales text
``donation-appeal``       appeals for donations or membership, including their prose
``teaser``                related / recommended / "read more" blocks with their headlines and blurbs
``caption``               photo captions, recognised by the credit at their end
``credit``                stand-alone photo or image credits
``byline``                author lines ("By Jane Doe")
``author-bio``            "About the author" boxes and boilerplate "About <company>" paragraphs
``standfirst``            the summary printed between headline and byline, above the body
``dateline``              lines of dates, times and counters only
``correction-notice``     "to suggest a correction", "press Ctrl+Enter", reprint notices
``social``                share buttons and follow-us prompts
``legal``                 copyright, terms, privacy and cookie notices
``comments``              comment sections
``repeated-across-outlet`` lines the caller found on many pages of the same outlet
``fragment``              short non-prose lines inside the article stretch (labels, counters)
``hover-card``            a card that pops up over a linked name, rendered inline: the name again,
                          the person's latest headlines, up to its ``MORE`` link
``outside-main-content``  everything before or after the article stretch that no rule named
"""

from __future__ import annotations

TITLE = "title"
DUPLICATE_TITLE = "duplicate-title"
NAVIGATION = "navigation"
ADVERTISEMENT = "advertisement"
NEWSLETTER = "newsletter"
DONATION_APPEAL = "donation-appeal"
TEASER = "teaser"
CAPTION = "caption"
CREDIT = "credit"
BYLINE = "byline"
AUTHOR_BIO = "author-bio"
STANDFIRST = "standfirst"
DATELINE = "dateline"
CORRECTION_NOTICE = "correction-notice"
SOCIAL = "social"
LEGAL = "legal"
COMMENTS = "comments"
REPEATED = "repeated-across-outlet"
FRAGMENT = "fragment"
HOVER_CARD = "hover-card"
OUTSIDE = "outside-main-content"

REASONS = frozenset(
    {
        TITLE,
        DUPLICATE_TITLE,
        NAVIGATION,
        ADVERTISEMENT,
        NEWSLETTER,
        DONATION_APPEAL,
        TEASER,
        CAPTION,
        CREDIT,
        BYLINE,
        AUTHOR_BIO,
        STANDFIRST,
        DATELINE,
        CORRECTION_NOTICE,
        SOCIAL,
        LEGAL,
        COMMENTS,
        REPEATED,
        FRAGMENT,
        HOVER_CARD,
        OUTSIDE,
    }
)
