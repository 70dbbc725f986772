"""The database's label scheme (`annotations.scheme`), kept in the `label_scheme` table, one row
per value; replacing it refuses to drop a label that annotations use unless forced."""

from __future__ import annotations

from collections import defaultdict

from ..errors import RedlineError
from ..scheme import FIELDS, LABEL_FIELDS, Scheme
from .trash import TrashStore

# how many annotations use each value of a label field: kind and attribute from LABEL_FIELDS
_USAGE = ("SELECT json_extract(attrs, '$.' || ?) AS value, count(*) AS n FROM annotations"
          " WHERE kind = ? AND json_extract(attrs, '$.' || ?) IS NOT NULL GROUP BY value")


class LabelStore(TrashStore):
    """Reading and replacing the label scheme, and counting the labels annotations use."""

    def label_scheme(self) -> Scheme:
        """The database's scheme (the default, empty one until `labels set`)."""
        lists: dict[str, list[str]] = defaultdict(list)
        for r in self._rows("SELECT field, value FROM label_scheme ORDER BY field, position"):
            lists[r["field"]].append(r["value"])
        return Scheme(**{name: tuple(lists[name]) for name in FIELDS})

    def labels_in_use(self) -> dict[str, dict[str, int]]:
        """For claim_types and span_labels: each value annotations hold, and how many hold it."""
        out: dict[str, dict[str, int]] = {}
        for name, (kind, attr) in LABEL_FIELDS.items():
            rows = self._rows(_USAGE, (attr, kind, attr))
            out[name] = {str(r["value"]): int(r["n"]) for r in rows}
        return out

    def set_label_scheme(self, scheme: Scheme, *, force: bool = False) -> dict[str, int]:
        """Replace the scheme; each label dropped while annotations use it, with their count.
        Unless `force`, such a drop is refused (RedlineError) and nothing changes."""
        with self._write() as db:
            # counted in the write's transaction: nobody tags with a label between check and drop
            used = self.labels_in_use()
            dropped = {f"{name[:-1].replace('_', ' ')} {value!r}": n
                       for name in LABEL_FIELDS for value, n in sorted(used[name].items())
                       if value not in getattr(scheme, name)}
            if dropped and not force:
                what = "; ".join(f"{label} is used by {n} annotation{'s' * (n != 1)}"
                                 for label, n in dropped.items())
                raise RedlineError(f"the new scheme drops labels in use: {what}",
                                   hint="keep them in the scheme, or add --force (the "
                                        "annotations keep their labels)")
            db.conn.execute("DELETE FROM label_scheme")
            db.conn.executemany(
                "INSERT INTO label_scheme (field, position, value) VALUES (?, ?, ?)",
                [(name, i, v) for name in FIELDS for i, v in enumerate(getattr(scheme, name))])
        return dropped

    def join_label_scheme(self, other: Scheme) -> None:
        """Add the labels of another database's scheme that this one lacks (merge and review
        bring an annotator's labels along with the annotations that use them)."""
        with self._write():
            mine = self.label_scheme()
            joined = mine.joined(other)
            if joined != mine:
                self.set_label_scheme(joined)
