"""The chat page (page: Gradio app, launch) and its HTML rendering (render). The last stage: reads Answers, never builds them."""
