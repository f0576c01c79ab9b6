print("tenantplan")
