// placeholder: the policy engine (issue 3)
