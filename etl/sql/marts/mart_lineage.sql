-- mart_lineage: which models and loader tables a mart is built from, nearest first, as the
-- model graph (etl/models.py) derives them from the SQL files; written by every build.
-- grain: one row per model x model or table it is built from (directly or not)
-- key: model, upstream
-- columns:
--   model                a model (stg_, int_, mart_, or a rules file)
--   upstream             a model, rules file or loader/reference table it reads, directly or not
--   depth                1 = read directly, 2 = read by what it reads, ...
select model, upstream, depth from meta_lineage
