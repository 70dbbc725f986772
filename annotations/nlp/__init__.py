"""NLP suggestions: quotations, speakers, attributions and entities for an article."""
