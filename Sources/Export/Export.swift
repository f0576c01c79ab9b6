// Placeholder: export is being built here.
