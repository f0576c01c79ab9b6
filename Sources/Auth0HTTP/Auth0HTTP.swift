// Placeholder: the Auth0 HTTP client is being built here.
