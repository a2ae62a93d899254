"""The floor of a page view (bench/bench_pages.py --floor): a Streamlit page with a title,
four metrics and one small Plotly chart, no warehouse and no query. What a view of it costs
in headless Chromium is what any Streamlit page costs here before its own content."""
import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="floor", layout="wide")
st.title("Sejuta Peserta")
for col, (label, value) in zip(st.columns(4), [("a", "1.000"), ("b", "2.000"), ("c", "3.000"), ("d", "4.000")]):
    col.metric(label, value)
st.plotly_chart(go.Figure(go.Bar(x=list("abcdefghij"), y=list(range(10)))), config={"displayModeBar": False})
