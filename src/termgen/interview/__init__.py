"""The guided interview: the spec (data), the engine (pure logic), the prompts (the terminal)."""
