-- Value parsers, as DuckDB macros. Each returns NULL when the text cannot be
-- read; the validator turns NULL into a reason code. The loader applies them to
-- the DISTINCT raw values of a column, so their cost does not grow with rows.

-- lower case, separators to one space
create or replace macro norm_key(s) as
    trim(regexp_replace(regexp_replace(lower(trim(s::varchar)), '[.,_/\\\-:()]+', ' ', 'g'), '\s+', ' ', 'g'));

-- month words (Indonesian and English, long and short) to two-digit numbers
create or replace macro month_words_to_num(v) as
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(v,
    '\b(januari|january|jan)\b', '01', 'g'),
    '\b(februari|pebruari|february|feb|peb)\b', '02', 'g'),
    '\b(maret|march|mar)\b', '03', 'g'),
    '\b(april|apr)\b', '04', 'g'),
    '\b(mei|may)\b', '05', 'g'),
    '\b(juni|june|jun)\b', '06', 'g'),
    '\b(juli|july|jul)\b', '07', 'g'),
    '\b(agustus|august|agu|aug|agt|ags)\b', '08', 'g'),
    '\b(september|sept|sep)\b', '09', 'g'),
    '\b(oktober|october|okt|oct)\b', '10', 'g'),
    '\b(nopember|november|nov|nop)\b', '11', 'g'),
    '\b(desember|december|des|dec)\b', '12', 'g');

-- '14/08/2020', '14-08-2020', '14.08.2020', '2020-08-14', '2020-08-14 00:00:00',
-- '14 Agustus 2020', '14-Agu-20', Excel serial day numbers (5 digits, a time fraction allowed)
create or replace macro date_slashes(s) as
    regexp_replace(month_words_to_num(regexp_replace(lower(trim(s::varchar)),
        '[ t]\d{1,2}[:.]\d{2}([:.]\d{2}(\.\d+)?)?$', '')), '[\s\-./]+', '/', 'g');

create or replace macro parse_date_raw(s) as (
    case
        when regexp_full_match(trim(s::varchar), '\d{5}(\.\d+)?')
            then date '1899-12-30' + cast(floor(trim(s::varchar)::double) as integer)
        when regexp_full_match(date_slashes(s), '\d{1,2}/\d{1,2}/\d{4}')
            then try_strptime(date_slashes(s), '%d/%m/%Y')::date
        when regexp_full_match(date_slashes(s), '\d{4}/\d{1,2}/\d{1,2}')
            then try_strptime(date_slashes(s), '%Y/%m/%d')::date
        when regexp_full_match(date_slashes(s), '\d{1,2}/\d{1,2}/\d{2}')
            then try_strptime(date_slashes(s), '%d/%m/%y')::date
    end);

create or replace macro parse_date(s) as (
    case when parse_date_raw(s) between date '1900-01-01' and date '2100-12-31'
         then parse_date_raw(s) end);

-- months: '2020-08', '08/2020', 'Agustus 2020', 'Agu-20', '202008', or any date
create or replace macro parse_month_raw(s) as (
    case
        when regexp_full_match(date_slashes(s), '\d{4}/\d{1,2}')
            then try_strptime(date_slashes(s) || '/01', '%Y/%m/%d')::date
        when regexp_full_match(date_slashes(s), '\d{1,2}/\d{4}')
            then try_strptime('01/' || date_slashes(s), '%d/%m/%Y')::date
        when regexp_full_match(date_slashes(s), '\d{1,2}/\d{2}')
            then try_strptime('01/' || date_slashes(s), '%d/%m/%y')::date
        when regexp_full_match(trim(s::varchar), '(19|20)\d{2}(0[1-9]|1[0-2])')
            then try_strptime(trim(s::varchar), '%Y%m')::date
        else date_trunc('month', parse_date(s))::date
    end);

create or replace macro parse_month(s) as (
    case when parse_month_raw(s) between date '1900-01-01' and date '2100-12-01'
         then parse_month_raw(s) end);

-- Rupiah: 'Rp 1.234.567', '1.234.567,00', '1234567', '1,234,567.00', '1234567.0'
create or replace macro money_text(s) as
    regexp_replace(lower(trim(s::varchar)), '(rp\.?|idr|\s)', '', 'g');

-- Grouped amounts have at most four groups after the first (15 digits), like
-- the 15 plain digits: a longer number is NULL (AMOUNT_INVALID), not a cast error.
create or replace macro parse_money(s) as (
    case
        when regexp_full_match(money_text(s), '-?\d{1,3}(\.\d{3}){1,4}(,\d{1,2})?')
            then round(replace(replace(money_text(s), '.', ''), ',', '.')::decimal(20, 2))::bigint
        when regexp_full_match(money_text(s), '-?\d{1,3}(,\d{3}){1,4}(\.\d{1,2})?')
            then round(replace(money_text(s), ',', '')::decimal(20, 2))::bigint
        when regexp_full_match(money_text(s), '-?\d{1,15}([.,]\d{1,2})?')
            then round(replace(money_text(s), ',', '.')::decimal(20, 2))::bigint
    end);

-- NIK: digits only after removing spaces, a leading apostrophe and an Excel '.0'
create or replace macro nik_text(s) as (
    case when regexp_full_match(s::varchar, '[0-9]{16}') then s::varchar   -- the common case, one test
         else regexp_replace(regexp_replace(trim(s::varchar), '^''|\s', '', 'g'), '\.0+$', '') end);

-- (a NIK as the quarantine may show it: nik_mask, the Python function of
-- etl/privacy.py registered on every connection, so one function masks everywhere)

create or replace macro nik_reason(s) as (
    case
        when regexp_full_match(s::varchar, '[0-9]{16}') then null
        when s is null or trim(s::varchar) = '' then 'NIK_MISSING'
        when regexp_matches(nik_text(s), '^[0-9.,]+[eE][+]?[0-9]+$') then 'NIK_EXCEL_SCIENTIFIC'
        when not regexp_full_match(nik_text(s), '[0-9]+') then 'NIK_NOT_DIGITS'
        when length(nik_text(s)) < 16 then 'NIK_TOO_SHORT'
        when length(nik_text(s)) > 16 then 'NIK_TOO_LONG'
    end);

-- small integers such as a tranche number: '1', '1.0', 'Tahap 2', 'II'
create or replace macro parse_small_int(s) as (
    case
        when regexp_full_match(norm_key(s), '(tahap |termin |gelombang )?(\d{1,3})( 0+)?')
            then regexp_extract(norm_key(s), '(\d{1,3})', 1)::integer
        when norm_key(s) in ('i', 'tahap i') then 1
        when norm_key(s) in ('ii', 'tahap ii') then 2
        when norm_key(s) in ('iii', 'tahap iii') then 3
        when norm_key(s) in ('iv', 'tahap iv') then 4
    end);

-- a month named in free text (a title line above the header, a file name):
-- 'Periode: Oktober 2026', 'Per 31 Oktober 2026', 'Posisi Okt 2026', 'peserta_okt2026',
-- 'oktober_2026', '2026-10', '202610', '10/2026'; NULL when none
create or replace macro text_month_words(s) as
    month_words_to_num(regexp_replace(regexp_replace(lower(s::varchar), '_+', ' ', 'g'),
                                      '([a-z])([0-9])', '\1 \2', 'g'));
create or replace macro month_in_text(s) as (
    with t as (select text_month_words(s) as w,
                      '(?:^|[^0-9])(0?[1-9]|1[0-2])[ /.-]+((?:19|20)[0-9]{2})(?:[^0-9]|$)' as mfirst,
                      '(?:^|[^0-9])((?:19|20)[0-9]{2})[ /.-]?(0[1-9]|1[0-2])(?:[^0-9]|$)' as yfirst)
    select coalesce(
        try_strptime(regexp_extract(w, mfirst, 2) || '-' || regexp_extract(w, mfirst, 1) || '-01', '%Y-%m-%d'),
        try_strptime(regexp_extract(w, yfirst, 1) || '-' || regexp_extract(w, yfirst, 2) || '-01', '%Y-%m-%d'))::date
    from t);

-- The JKM (death, not at work) benefit regulated for a date: Rp 24 juta under PP 44/2015
-- (Rp 16.2 juta lump sum + 24 x Rp 200,000 periodic + Rp 3 juta funeral), Rp 42 juta
-- from PP 82/2019, in force 2 Dec 2019 (Rp 20 juta + Rp 12 juta + Rp 10 juta;
-- ../shared/reference/bpjs_facts.md). A JKM claim of another amount is loaded and flagged.
create or replace macro jkm_regulated_rp(d) as
    case when d < date '2019-12-02' then 24000000 else 42000000 end;
