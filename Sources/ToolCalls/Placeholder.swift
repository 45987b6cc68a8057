public enum ToolCallsPlaceholder {}
