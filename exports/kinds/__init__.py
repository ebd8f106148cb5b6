"""One module per export kind: columns(ctx, session), count(session, ctx) and rows(session, ctx).

A kind whose data is not in this version yet sets PENDING to a sentence saying what it waits for.
"""
