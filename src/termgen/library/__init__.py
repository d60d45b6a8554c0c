"""The clause library: clause files owned by counsel, layered overlays, selection and lint."""
