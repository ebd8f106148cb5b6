"""The main rich menu: its layout, its drawing and its deployment to LINE."""
