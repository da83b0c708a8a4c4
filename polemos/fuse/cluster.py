"""The fuser: reports in, clusters (fused events) out — incremental, and the same in any order.

How it stays **deterministic in any order of ingest**: a pair's score reads only the two reports, and
the candidate pairs come from blocking keys built from each report alone, so the graph whose edges
are the pairs scoring at least ``threshold`` (plus people's must-links) depends only on the set of
reports. Clusters are made inside each connected component of that graph by a fixed procedure
(best join first, ties by uid), so they too depend only on the set.

How it stays **incremental and bounded**: a new report is scored against its blocking candidates
only; the components it touches are re-clustered, nothing else. A component is the reports tied by
strong pairs, a handful in practice, whatever the size of the store.

**Ids** are kept across re-clustering: a new cluster takes the id of the old cluster it shares most
reports with; a cluster with no predecessor gets an id derived from its smallest report uid. A
fuser built with ``ids=`` (the stored membership) keeps them across a full re-fusion as well.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from polemos.fuse.block import BlockIndex
from polemos.fuse.history import MERGE, SPLIT, Action, Constraints
from polemos.fuse.report import Report
from polemos.fuse.score import Pair, evidence, is_apart, pair_at_least, places_apart

THRESHOLD = 0.23  # above "another outlet, same country" (0.22): one more detail must agree
MIN_AVERAGE = 0.15  # ... and its average link to the cluster's reports at least this
# A pair without a shared country (one report placed nowhere, or by a demonym only) is tied only on
# this much more: without it, one unplaced report a day ties every placed report of its days into
# one component, and the cost of re-clustering it grows with the store.
UNPLACED_MARGIN = 0.1
METHOD = "polemos.fuse.v1"


@dataclass(frozen=True)
class Join:
    """How a report came into its cluster: the pair that tied it, or a person's merge."""

    uid: str
    to: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Cluster:
    id: str
    members: tuple[str, ...]  # report uids, sorted
    joins: tuple[Join, ...]  # len(members) - 1 joins, in the order they were made


def new_id(anchor: str, taken: Callable[[str], bool]) -> str:
    n = 0
    while True:
        seed = anchor if n == 0 else f"{anchor}#{n}"
        fid = "fe" + hashlib.sha1(seed.encode()).hexdigest()[:14]
        if not taken(fid):
            return fid
        n += 1


class Fuser:
    """Holds reports, their strong pairs and their clusters; ``add`` fuses new reports in."""

    def __init__(
        self,
        *,
        threshold: float = THRESHOLD,
        min_average: float = MIN_AVERAGE,
        actions: Iterable[Action] = (),
        ids: Mapping[str, str] | None = None,
    ) -> None:
        self.threshold = threshold
        self.min_average = min_average
        self.reports: dict[str, Report] = {}
        self.index = BlockIndex()
        self.edges: dict[str, dict[str, Pair]] = {}
        self.constraints = Constraints(actions)
        self.clusters: dict[str, Cluster] = {}
        self.member_of: dict[str, str] = {}
        self._previous = dict(ids or {})  # report uid -> fused id kept from an earlier fusion
        self.compared = 0  # pairs scored, for benchmarks
        self._memo: dict[tuple[str, str], float] = {}

    # ---- adding ----------------------------------------------------------------------------------

    def add(self, reports: Iterable[Report]) -> set[str]:
        """Fuse ``reports`` in; returns the ids of the fused events that changed (new or regrouped)."""
        fresh: list[Report] = []
        for r in reports:
            if r.uid in self.reports:
                if self.reports[r.uid].record == r.record:
                    continue  # re-ingest of the same report: nothing to do
                self._forget(r.uid)
            self.reports[r.uid] = r
            self.index.add(r)
            fresh.append(r)
        # every fresh report is indexed before any is compared, and candidates are symmetric: a pair
        # of two fresh reports is scored once, when the first of them (in uid order) is compared
        scored: set[str] = set()
        known, edges, threshold = self.reports, self.edges, self.threshold
        for r in sorted(fresh, key=lambda r: r.uid):
            mine = edges.setdefault(r.uid, {})
            lo, hi, precise = r.date_lo, r.date_hi, r.precise
            for other in sorted(self.index.candidates(r)):
                if other in mine or other in scored:
                    continue
                self.compared += 1
                o = known[other]
                # is_apart's first rules, read here (they are an 'or'): most candidates of a country's
                # weeks are other days
                if lo and hi and o.date_lo and o.date_hi and (hi < o.date_lo or o.date_hi < lo):
                    continue
                if precise and o.precise and places_apart(precise, o.precise):
                    continue  # its next: two towns of one country far apart
                if not (r.read or o.read):
                    continue  # two articles no event was read from are never tied
                floor = threshold if r.countries & o.countries else threshold + UNPLACED_MARGIN
                p = pair_at_least(r, o, floor, near=True)
                if p is not None and p.score >= floor:
                    mine[other] = p
                    edges.setdefault(other, {})[r.uid] = p
            scored.add(r.uid)
        return self._recluster({r.uid for r in fresh})

    def _forget(self, uid: str) -> None:
        self.index.remove(uid)
        for other in self.edges.pop(uid, {}):
            self.edges.get(other, {}).pop(uid, None)
        fid = self.member_of.pop(uid, None)
        if fid and fid in self.clusters:
            rest = tuple(m for m in self.clusters[fid].members if m != uid)
            del self.clusters[fid]
            if rest:  # re-cluster what is left under the same id
                for m in rest:
                    self._previous[m] = fid
                self._recluster(set(rest))

    # ---- people's decisions ------------------------------------------------------------------------

    def merge(self, fused_ids: list[str], who: str, why: str | None = None) -> str:
        """Make these fused events one; the decision is kept and survives re-fusion."""
        members = sorted({m for f in fused_ids for m in self.clusters[f].members})
        action = Action(MERGE, tuple(fused_ids), tuple(members), who=who, why=why)
        keep = min(fused_ids, key=lambda f: (-len(self.clusters[f].members), f))
        for m in members:
            self._previous[m] = keep
        self.constraints.add(action)
        self._recluster(set(members))
        result = self.member_of[members[0]]
        object.__setattr__(action, "result_id", result)
        return result

    def split(self, fused_id: str, report_uid: str, who: str, why: str | None = None) -> str:
        """Take one report out of a fused event; returns the fused id it ends up in."""
        members = self.clusters[fused_id].members
        action = Action(SPLIT, (fused_id,), tuple(members), who=who, why=why, report=report_uid)
        self._previous.pop(report_uid, None)
        self.constraints.add(action)
        self._recluster(set(members))
        result = self.member_of[report_uid]
        object.__setattr__(action, "result_id", result)
        return result

    # ---- clustering ------------------------------------------------------------------------------

    def _component(self, seeds: set[str]) -> set[str]:
        seen, todo = set(), list(seeds)
        while todo:
            uid = todo.pop()
            if uid in seen or uid not in self.reports:
                continue
            seen.add(uid)
            todo.extend(self.edges.get(uid, {}))
            todo.extend(self.constraints.linked(uid))
        return seen

    def _recluster(self, seeds: set[str]) -> set[str]:
        changed: set[str] = set()
        done: set[str] = set()
        for seed in sorted(seeds):
            if seed in done or seed not in self.reports:
                continue
            comp = self._component({seed})
            done |= comp
            changed |= self._assign(comp, self._cluster(sorted(comp)))
        return changed

    def _score(self, a: str, b: str) -> float:
        """A pair's score (-1 when a rule keeps them apart), remembered for one clustering."""
        p = self.edges.get(a, {}).get(b)
        if p is not None:
            return p.score
        key = (a, b) if a < b else (b, a)
        if key not in self._memo:
            ra, rb = self.reports[a], self.reports[b]
            self._memo[key] = -1.0 if is_apart(ra, rb) else evidence(ra, rb).score
        return self._memo[key]

    def _cluster(self, uids: list[str]) -> list[tuple[list[str], list[Join]]]:
        """Best-join-first agglomeration of one component (deterministic: ties go by uid)."""
        self._memo = {}
        if len(uids) == 1:  # a report tied to none: its own cluster (a must-link needs two reports)
            return [([uids[0]], [])]
        groups: dict[str, list[str]] = {u: [u] for u in uids}
        joins: dict[str, list[Join]] = {u: [] for u in uids}
        owner = {u: u for u in uids}

        # groups tied by at least one edge: only they can be joined (a link needs an edge). Each
        # tied pair's link sits in a heap keyed (best score first, then the pair's ids), stamped with
        # the versions of its two groups: a join bumps the version of the group it keeps, so entries
        # naming a changed or vanished group are skipped when they surface, and the kept group's links
        # are pushed anew. The join made at each step is the one a full scan would choose (the best
        # link, ties by the sorted pair of ids), at a cost per join of the kept group's neighbours
        # rather than of every tied pair in the component.
        near: dict[str, set[str]] = {u: {v for v in self.edges.get(u, {}) if v in owner} for u in uids}
        version: dict[str, int] = dict.fromkeys(uids, 0)
        heap: list[tuple[float, str, str, int, int, Join]] = []

        def push(ga: str, gb: str) -> None:
            if gb < ga:
                ga, gb = gb, ga
            link = self._linkage(groups[ga], groups[gb])
            if link is not None:
                heap.append((-link[0], ga, gb, version[ga], version[gb], link[1]))

        def unite(a: str, b: str, join: Join) -> None:
            ga, gb = owner[a], owner[b]
            keep, gone = min(ga, gb), max(ga, gb)
            groups[keep].extend(groups.pop(gone))
            joins[keep].extend(joins.pop(gone) + [join])
            for m in groups[keep]:
                owner[m] = keep
            for n in near.pop(gone):
                near[n].discard(gone)
                if n != keep:
                    near[n].add(keep)
                    near[keep].add(n)
            near[keep] -= {keep, gone}
            del version[gone]
            version[keep] += 1

        def forbidden(ga: str, gb: str, manual: bool) -> bool:
            if not manual and not any(self.reports[u].read for u in groups[ga] + groups[gb]):
                return True  # articles no event was read from join an event, never make one
            for x in groups[ga]:
                for y in groups[gb]:
                    if self.constraints.cannot(x, y):
                        return True
                    if not manual and self.constraints.state(x, y) != "must" and self._score(x, y) < 0:
                        return True
            return False

        for a, b in self.constraints.must_pairs(uids):
            if owner[a] != owner[b] and not forbidden(owner[a], owner[b], manual=True):
                unite(a, b, Join(b, a, 1.0, ("merged by hand",)))
        for g in near:
            for n in near[g]:
                if g < n:
                    push(g, n)
        heapq.heapify(heap)
        while heap:
            _, ga, gb, va, vb, join = heapq.heappop(heap)
            if version.get(ga) != va or version.get(gb) != vb:
                continue  # a group of this pair has changed since its link was taken
            if forbidden(ga, gb, manual=False):
                continue  # stays barred until one of the two groups changes (a fresh entry then)
            unite(ga, gb, join)
            keep = min(ga, gb)
            for n in near[keep]:
                a, b = (keep, n) if keep < n else (n, keep)
                link = self._linkage(groups[a], groups[b])
                if link is not None:
                    heapq.heappush(heap, (-link[0], a, b, version[a], version[b], link[1]))
        return [(sorted(groups[g]), joins[g]) for g in sorted(groups)]

    def _linkage(self, xs: list[str], ys: list[str]) -> tuple[float, Join] | None:
        """The best pair between two groups if it is strong enough and the average link holds."""
        # the first strongest edge in (xs, ys) order is the join; the total adds the pairs in that
        # order too (a pair without an edge by its score, when positive)
        edges, score = self.edges, self._score
        none: dict[str, Pair] = {}
        top: tuple[str, str, Pair] | None = None
        best = 0.0
        total = 0.0
        for x in xs:
            row = edges.get(x, none)
            for y in ys:
                p = row.get(y)
                if p is not None:
                    s = p.score
                    if top is None or s > best:
                        top, best = (x, y, p), s
                    total += s
                else:
                    s = score(x, y)
                    if s > 0.0:
                        total += s
        if top is None or total / (len(xs) * len(ys)) < self.min_average:
            return None
        x, y, p = top
        return best, Join(max(x, y), min(x, y), p.score, p.reasons)

    def _assign(self, comp: set[str], groups: list[tuple[list[str], list[Join]]]) -> set[str]:
        """Give each new cluster of a component an id: its predecessor's where there is one."""
        old: dict[str, set[str]] = {}
        for uid in comp:
            fid = self.member_of.get(uid)
            if fid is None:
                fid = self._previous.get(uid)
                live = self.clusters.get(fid) if fid else None
                if live is not None and not set(live.members) <= comp:
                    fid = None  # a remembered id that names a live event outside this component now
            if fid:
                old.setdefault(fid, set()).add(uid)
        options = sorted(
            ((len(old[f] & set(members)), f, i) for f in old for i, (members, _) in enumerate(groups)),
            key=lambda t: (-t[0], t[1], t[2]),
        )
        chosen: dict[int, str] = {}
        used: set[str] = set()
        for overlap, fid, i in options:
            if overlap and i not in chosen and fid not in used:
                chosen[i], used = fid, used | {fid}
        for fid in old:
            self.clusters.pop(fid, None)
        changed: set[str] = set()
        for i, (members, joins) in enumerate(groups):
            fid = chosen.get(i) or new_id(members[0], lambda f: f in self.clusters or f in used)
            used.add(fid)
            cluster = Cluster(fid, tuple(members), tuple(joins))
            self.clusters[fid] = cluster
            for m in members:
                self.member_of[m] = fid
                self._previous.pop(m, None)
            changed.add(fid)
        return changed

    # ---- reading -----------------------------------------------------------------------------------

    def is_event(self, fused_id: str) -> bool:
        """Whether a cluster holds an event read from some article (else: unread articles only)."""
        return any(self.reports[u].read for u in self.clusters[fused_id].members)

    def cluster_of(self, uid: str) -> Cluster:
        return self.clusters[self.member_of[uid]]

    def members(self, fused_id: str) -> list[Report]:
        return [self.reports[u] for u in self.clusters[fused_id].members]
