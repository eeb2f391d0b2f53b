"""Following decisions up: recommendations and their adoption by each party, assignments, audit."""
