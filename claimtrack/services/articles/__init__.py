"""Articles: importing one (pasted, uploaded) or many (a folder, a feed), and reading one back."""
