package org.rapport.rules.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads the class files Drools generated from a rule set — before any of them is loaded — and checks
 * every class, method and field they refer to against the allow-list of {@link SandboxPolicy}: what
 * the compiler resolved, not what the text looks like, so no spelling, escape or chain of calls gets
 * past it. Two kinds of class come out of a rule set:
 * <ul>
 * <li>the author's code: one class per rule ({@code Rule_<name><hash>}) with its consequence, its
 * evals and accumulate code, and one class per function. These may refer only to allowed types and
 * their allowed members, to each other, and to the few Drools members the generated consequence code
 * itself needs (the {@link SandboxPolicy#SESSION_HELPERS} of {@code drools}/{@code kcontext}, the bit
 * masks of {@code modify}, field values of accumulate). They may not declare classes (anonymous or
 * local), take locks, loop (a backward branch), call each other in a cycle (recursion), or create an
 * array of a size not written as a small constant: work a budget cannot interrupt inside one firing.</li>
 * <li>the invokers Drools writes from its own templates around that code ({@code ...Invoker},
 * implementing {@code CompiledInvoker}): these may also refer to Drools' and KIE's own classes,
 * and nothing else outside the allow-list.</li>
 * </ul>
 * Problems are reported at the rule or function they came from. Stateless.
 */
final class GeneratedCodeCheck {

    private static final String INVOKER_INTERFACE = "org/drools/base/rule/accessor/CompiledInvoker";
    private static final String RULES_PACKAGE = SandboxPolicy.RULES_PACKAGE.replace('.', '/') + "/";
    private static final int LARGEST_ARRAY = 10_000;

    /** Drools members that the code generated for a consequence, eval or accumulate calls, by owner. */
    private static final Map<String, Set<String>> SCAFFOLDING = Map.of(
            "org/drools/core/rule/consequence/KnowledgeHelper", SandboxPolicy.SESSION_HELPERS,
            "org/kie/api/runtime/rule/RuleContext", SandboxPolicy.SESSION_HELPERS,
            "org/kie/api/definition/rule/Rule", Set.of("getName", "getPackageName"),
            "org/kie/api/runtime/rule/Match", Set.of("getRule", "getObjects"),
            "org/drools/mvel/field/FieldFactory", Set.of("getInstance", "getFieldValue"),
            "org/drools/base/rule/accessor/FieldValue", Set.of("getValue"));

    /** Packages whose every member generated scaffolding may use: bit masks of modify blocks. */
    private static final List<String> SCAFFOLDING_PACKAGES = List.of("org/drools/util/bitmask/");

    /** Packages the invokers (Drools' own templates) may use beyond the allow-list. */
    private static final List<String> INVOKER_PACKAGES = List.of("org/drools/", "org/kie/", "org/mvel2/");

    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory");

    private final List<ParsedRuleFile> files;
    private final Set<String> declaredTypes = new HashSet<>();

    GeneratedCodeCheck(List<ParsedRuleFile> files) {
        this.files = files;
        // Types declared in the rule files: beans Drools writes itself, with fields of types the sandbox checked.
        files.forEach(file -> file.descr().getClassAndEnumDeclarationDescrs()
                .forEach(declared -> declaredTypes.add(RULES_PACKAGE + declared.getTypeName())));
    }

    /** Every problem found in the generated classes, by internal class name → bytes. */
    List<RuleMessage> check(Map<String, byte[]> classes) {
        Map<String, byte[]> byName = new LinkedHashMap<>();
        classes.forEach((name, bytes) -> byName.put(name.endsWith(".class") ? name.substring(0, name.length() - 6) : name, bytes));
        Map<String, Set<String>> problems = new LinkedHashMap<>();
        Map<String, Set<String>> calls = new HashMap<>();
        for (Map.Entry<String, byte[]> generated : byName.entrySet()) {
            Reader reader = new Reader(byName.keySet(), declaredTypes, calls);
            new ClassReader(generated.getValue()).accept(reader, 0);
            if (!reader.problems.isEmpty()) {
                problems.computeIfAbsent(reader.className, key -> new LinkedHashSet<>()).addAll(reader.problems);
            }
        }
        for (String cycle : cycles(calls)) {
            String owner = cycle.substring(0, cycle.indexOf('.'));
            problems.computeIfAbsent(owner, key -> new LinkedHashSet<>()).add("calls itself, directly or through other"
                    + " functions (recursion is not allowed: it cannot be stopped inside one firing)");
        }
        List<RuleMessage> messages = new ArrayList<>();
        problems.forEach((className, reasons) -> messages.add(at(className, "Sandbox: " + String.join("; ", reasons))));
        return messages;
    }

    /** The rule or function a generated class came from, as a message at its place in the file. */
    private RuleMessage at(String className, String text) {
        String simple = className.substring(className.lastIndexOf('/') + 1);
        int nested = simple.indexOf('$', simple.startsWith("Rule_") ? 5 : 0);
        String outer = nested > 0 && !simple.startsWith("$u", nested) ? simple.substring(0, nested) : simple;
        ParsedRuleFile bestFile = null;
        int bestOffset = 0;
        String bestName = null;
        int bestLength = -1;
        for (ParsedRuleFile file : files) {
            for (RuleDescr rule : file.descr().getRules()) {
                String prefix = "Rule_" + javaName(rule.getName());
                if (outer.startsWith(prefix) && prefix.length() > bestLength) {
                    bestFile = file;
                    bestOffset = Math.max(0, rule.getStartCharacter());
                    bestName = "rule \"" + rule.getName() + "\"";
                    bestLength = prefix.length();
                }
            }
            for (FunctionDescr function : file.descr().getFunctions()) {
                String name = function.getName();
                String expected = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                if (outer.equals(expected) && expected.length() > bestLength) {
                    bestFile = file;
                    bestOffset = Math.max(0, function.getStartCharacter());
                    bestName = "function " + name;
                    bestLength = expected.length();
                }
            }
        }
        if (bestFile == null) {
            return new RuleMessage("(rule set)", 0, 0, text + " (in generated class " + className + ")");
        }
        return bestFile.messageAt(bestOffset, null, text.replaceFirst("^Sandbox: ", "Sandbox: " + bestName + " "));
    }

    /** How Drools turns a rule name into a class name: spaces become _, other characters $u<code>$. */
    static String javaName(String ruleName) {
        StringBuilder name = new StringBuilder();
        for (char character : ruleName.toCharArray()) {
            if (character == ' ') {
                name.append('_');
            } else if (Character.isJavaIdentifierPart(character) && character != '$') {
                name.append(character);
            } else {
                name.append("$u").append((int) character).append('$');
            }
        }
        return name.toString();
    }

    /** Methods that reach themselves through the calls between generated methods, one per cycle found. */
    private static List<String> cycles(Map<String, Set<String>> calls) {
        List<String> found = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : calls.keySet().stream().sorted(Comparator.naturalOrder()).toList()) {
            if (done.contains(start)) {
                continue;
            }
            Set<String> onPath = new HashSet<>();
            Deque<Object[]> stack = new ArrayDeque<>();
            stack.push(new Object[] {start, calls.getOrDefault(start, Set.of()).iterator()});
            onPath.add(start);
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                @SuppressWarnings("unchecked")
                java.util.Iterator<String> next = (java.util.Iterator<String>) top[1];
                if (!next.hasNext()) {
                    stack.pop();
                    onPath.remove((String) top[0]);
                    done.add((String) top[0]);
                    continue;
                }
                String callee = next.next();
                if (onPath.contains(callee)) {
                    found.add(callee);
                } else if (!done.contains(callee)) {
                    onPath.add(callee);
                    stack.push(new Object[] {callee, calls.getOrDefault(callee, Set.of()).iterator()});
                }
            }
        }
        return found;
    }

    /** Reads one class; collects what it may not refer to, and the calls between generated methods. */
    private static final class Reader extends ClassVisitor {

        private final Set<String> generated;
        private final Set<String> declaredTypes;
        private final Map<String, Set<String>> calls;
        private final Set<String> problems = new LinkedHashSet<>();
        private String className;
        private boolean invoker;

        Reader(Set<String> generated, Set<String> declaredTypes, Map<String, Set<String>> calls) {
            super(Opcodes.ASM9);
            this.generated = generated;
            this.declaredTypes = declaredTypes;
            this.calls = calls;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name;
            invoker = List.of(interfaces).contains(INVOKER_INTERFACE);
            if (!"java/lang/Object".equals(superName)) {
                problems.add("extends " + dotted(superName) + " (classes are not allowed)");
            }
            for (String implemented : interfaces) {
                if (!invoker && !"java/io/Externalizable".equals(implemented)) {
                    problems.add("implements " + dotted(implemented) + " (classes are not allowed)");
                }
            }
        }

        @Override
        public void visitOuterClass(String owner, String name, String descriptor) {
            problems.add("declares an anonymous or local class (classes are not allowed in rules)");
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            if (name.equals(className) || name.startsWith(className + "$") && generated.contains(name)) {
                problems.add("declares an anonymous or local class (classes are not allowed in rules)");
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if ((access & Opcodes.ACC_SYNCHRONIZED) != 0 && !invoker) {
                problems.add("synchronized method " + name + " (locks are not allowed)");
            }
            String self = className + "." + name + descriptor;
            // The Java compiler's own table for a switch on an enum sizes its array by the enum's values.
            boolean switchTable = (access & Opcodes.ACC_SYNTHETIC) != 0 && name.startsWith("$SWITCH_TABLE$");
            Set<String> callees = invoker ? new HashSet<>() : calls.computeIfAbsent(self, key -> new LinkedHashSet<>());
            return new MethodVisitor(Opcodes.ASM9) {
                private final Set<Label> seen = new HashSet<>();
                private Integer constant;

                @Override
                public void visitLabel(Label label) {
                    seen.add(label);
                }

                @Override
                public void visitJumpInsn(int opcode, Label label) {
                    constant = null;
                    if (!invoker && seen.contains(label)) {
                        problems.add("loops (for, while, do: a loop cannot be stopped inside one firing; let rules fire"
                                + " once per fact instead)");
                    }
                }

                @Override
                public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
                    switchTargets(dflt, labels);
                }

                @Override
                public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
                    switchTargets(dflt, labels);
                }

                private void switchTargets(Label dflt, Label[] labels) {
                    constant = null;
                    boolean backward = seen.contains(dflt) || List.of(labels).stream().anyMatch(seen::contains);
                    if (!invoker && backward) {
                        problems.add("loops (a switch jumping back)");
                    }
                }

                @Override
                public void visitInsn(int opcode) {
                    constant = opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5 ? opcode - Opcodes.ICONST_0 : null;
                    if (opcode == Opcodes.MONITORENTER && !invoker) {
                        problems.add("takes a lock (synchronized is not allowed)");
                    }
                }

                @Override
                public void visitIntInsn(int opcode, int operand) {
                    if (opcode == Opcodes.NEWARRAY) {
                        arraySize();
                    }
                    constant = opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH ? operand : null;
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant = value instanceof Integer number ? number : null;
                    if (value instanceof Type type && type.getSort() == Type.OBJECT) {
                        type(type.getInternalName(), "refers to");
                    } else if (value instanceof Handle handle) {
                        member(handle.getOwner(), handle.getName(), handle.getDesc());
                    }
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    if (opcode == Opcodes.ANEWARRAY) {
                        arraySize();
                    }
                    constant = null;
                    type(type, opcode == Opcodes.NEW ? "creates" : "refers to");
                }

                @Override
                public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                    constant = null;
                    if (!invoker) {
                        problems.add("creates a multi-dimensional array (not allowed)");
                    }
                }

                private void arraySize() {
                    if (!invoker && !switchTable && (constant == null || constant > LARGEST_ARRAY)) {
                        problems.add("creates an array whose size is not a constant of at most " + LARGEST_ARRAY);
                    }
                }

                @Override
                public void visitVarInsn(int opcode, int variable) {
                    constant = null;
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                    constant = null;
                    member(owner, name, descriptor);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                    constant = null;
                    member(owner, name, descriptor);
                    if (generated.contains(owner)) {
                        callees.add(owner + "." + name + descriptor);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                    constant = null;
                    String factory = bootstrap.getOwner() + "." + bootstrap.getName();
                    if (!BOOTSTRAPS.contains(factory)) {
                        problems.add("uses " + dotted(factory) + " (not allowed)");
                        return;
                    }
                    for (Object argument : arguments) {
                        if (argument instanceof Handle handle) {
                            member(handle.getOwner(), handle.getName(), handle.getDesc());
                            if (generated.contains(handle.getOwner())) {
                                callees.add(handle.getOwner() + "." + handle.getName() + handle.getDesc());
                            }
                        }
                    }
                }
            };
        }

        private void type(String internalName, String verb) {
            String element = Type.getObjectType(internalName).getSort() == Type.ARRAY
                    ? Type.getObjectType(internalName).getElementType().getInternalName() : internalName;
            if (Type.getObjectType(element).getSort() != Type.OBJECT || allowedOwner(element) || SCAFFOLDING.containsKey(element)
                    || SCAFFOLDING_PACKAGES.stream().anyMatch(element::startsWith)) {
                return;
            }
            problems.add(verb + " " + dotted(element) + " (" + SandboxPolicy.allowedSummary() + ")");
        }

        private void member(String owner, String name, String descriptor) {
            String element = owner.startsWith("[") ? Type.getType(owner).getElementType().getInternalName() : owner;
            if (owner.startsWith("[") && Type.getType(owner).getElementType().getSort() != Type.OBJECT) {
                return; // clone() or length of a primitive array
            }
            boolean ownerAllowed = allowedOwner(element);
            boolean scaffolding = SCAFFOLDING.getOrDefault(element, Set.of()).contains(name)
                    || SCAFFOLDING_PACKAGES.stream().anyMatch(element::startsWith);
            if (!ownerAllowed && !scaffolding) {
                problems.add("calls " + dotted(element) + "." + name + " (" + SandboxPolicy.allowedSummary() + ")");
            } else if (ownerAllowed && !invoker && !generated.contains(element)
                    && SandboxPolicy.deniedCallReason(element, name) != null) {
                problems.add("calls " + dotted(element) + "." + name + " (" + SandboxPolicy.deniedCallReason(element, name) + ")");
            }
        }

        private boolean allowedOwner(String internalName) {
            if (declaredTypes.contains(internalName)) {
                return true;
            }
            if (generated.contains(internalName)) {
                return internalName.startsWith(RULES_PACKAGE);
            }
            if (invoker && INVOKER_PACKAGES.stream().anyMatch(internalName::startsWith)) {
                return true;
            }
            return SandboxPolicy.isAllowedType(dotted(internalName).replace('$', '.'));
        }

        private static String dotted(String internalName) {
            return internalName.replace('/', '.');
        }
    }
}
