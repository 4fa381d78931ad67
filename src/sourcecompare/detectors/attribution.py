"""Attribution drift: who the derivative says said what, compared with the wire.

* ``attribution.credit_removed``: the wire credits an agency ("(Xinhua)", "Source:
  Reuters") and the derivative credits it nowhere.
* ``attribution.dateline_removed``: the wire's dateline (place and date of the
  reporting) is gone, and the derivative gives neither its place nor its date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sourcecompare._findings import Finding, Severity
from sourcecompare.detectors._common import quoted

if TYPE_CHECKING:
    from sourcecompare._documents import Document
    from sourcecompare._furniture import AgencyList
    from sourcecompare.detectors._base import DetectionContext

__all__ = ["CreditRemoved", "DatelineRemoved"]


def _credits_agency(doc: Document, agency: str, agencies: AgencyList) -> bool:
    """Whether *doc* credits *agency* anywhere: furniture, or its text.

    In running text, long spellings count wherever they stand ("according to
    Reuters"); short ones (AP, PA) only in brackets or beside a reporting word, so
    that "PA" for Pennsylvania is no credit.
    """
    if any(credit.agency == agency for credit in doc.credits):
        return True
    known = next((a for a in agencies.agencies if a.name == agency), None)
    spellings = (agency, *(known.aliases if known else ()))
    for spelling in spellings:
        words = r"\s+".join(re.escape(w) for w in spelling.split())
        if len(spelling) > 4:
            pattern = rf"(?<![\w-]){words}(?![\w-])"
            if re.search(pattern, doc.text, re.IGNORECASE):
                return True
        else:
            pattern = (
                rf"\(\s*{words}\s*\)|(?<![\w-]){words}(?![\w-])\s+(?:said|reported|reports|says)"
                rf"|(?:told|to|by|via|from)\s+(?:the\s+)?{words}(?![\w-])"
            )
            if re.search(pattern, doc.text):
                return True
    return False


class CreditRemoved:
    """Report agencies the wire credits and the derivative does not.

    High severity: a reader of the derivative cannot tell the story is agency copy.

    .. versionadded:: 0.1
    """

    name = "credit_removed"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per agency credited by a wire and not by the derivative."""
        derivative = context.derivative
        for wire_index, wire in enumerate(context.wires):
            for agency in sorted({credit.agency for credit in wire.credits}):
                if _credits_agency(derivative, agency, context.agencies):
                    continue
                mentions = [c for c in wire.credits if c.agency == agency]
                where = ", ".join(sorted({c.where.replace("_", " ") for c in mentions}))
                yield Finding(
                    kind="attribution.credit_removed",
                    severity=Severity.HIGH,
                    message=(
                        f"The wire credits {agency} ({where}); the derivative credits it nowhere."
                    ),
                    wire_spans=[c.span for c in mentions],
                    wire=wire_index,
                    detector=self.name,
                )


class DatelineRemoved:
    """Report a wire dateline whose place and date the derivative both leave out.

    Low severity: the dateline says where and when the agency reported from.

    .. versionadded:: 0.1
    """

    name = "dateline_removed"

    def detect(self, context: DetectionContext) -> Iterator[Finding]:
        """Yield one finding per wire dateline the derivative drops."""
        derivative = context.derivative
        text = derivative.text.casefold()
        for wire_index, wire in enumerate(context.wires):
            line = wire.dateline
            if line is None or derivative.dateline is not None:
                continue
            place = line.place.split(",")[0].strip()
            missing = []
            spans = []
            if not re.search(rf"(?<!\w){re.escape(place.casefold())}(?!\w)", text):
                missing.append(f"the place {quoted(place)}")
                spans.append(line.place_span)
            if line.date and line.date_span and line.date.casefold() not in text:
                missing.append(f"the date {quoted(line.date)}")
                spans.append(line.date_span)
            if not missing:
                continue
            yield Finding(
                kind="attribution.dateline_removed",
                severity=Severity.LOW,
                message=(
                    f"The wire's dateline {quoted(line.text)} is gone, and the derivative "
                    f"does not give {' or '.join(missing)} of the reporting."
                ),
                wire_spans=spans,
                wire=wire_index,
                detector=self.name,
            )
