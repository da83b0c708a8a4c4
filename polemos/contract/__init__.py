"""The output contract as types: one module per record, each with the only ``to_json`` / ``from_json``.

- ``polemos.contract.article``: ``polemos.article/1`` (``ArticleResult`` <-> JSON);
- ``polemos.contract.event``: ``polemos.event/1``, the fused event (built from reports);
- ``polemos.contract.event_types``: the one table of event types every consumer reads;
- ``polemos.contract.models``: the pydantic models of both records (the API's and the JSON Schema's).

Nothing is imported here, so that ``polemos.types`` can read the event-type table without a cycle.
"""
