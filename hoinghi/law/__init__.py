"""The law as code: pure Python, no Django.

Every rule takes the legal date (``on``) and never reads the clock. Every outcome is a
:class:`~hoinghi.law.results.Result` carrying reasons with citations.
"""
