"""The developer stack of Thi Đua Số: PostgreSQL, migrations, seed data, the three services and the gateway.

`python -m devstack run` is what `make run` calls; the end-to-end tests start the same stack with
`--ephemeral`.
"""
