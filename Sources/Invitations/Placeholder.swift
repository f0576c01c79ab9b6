// placeholder: invitations that follow each organization's invite policy (issue 5)
